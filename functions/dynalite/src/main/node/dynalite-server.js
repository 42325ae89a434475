'use strict'
// Runs dynalite (the DynamoDB API on LevelDB) for one Bianmin runtime or test JVM, started by DynaliteServer.java.
//
//   node dynalite-server.js [--path <data directory>]
//
// Environment: BIANMIN_DYNALITE_ACCESS_KEY, the access key id that every request must be signed with (made fresh
// at every start by the parent; any other key is refused, so another local user who finds the port cannot read
// the tables). Without --path the tables live in memory.
//
// The parent learns the port from one JSON line on stdout: {"event":"listening","port":N}. The server binds to
// 127.0.0.1 only, and it stops when its parent dies, even by kill -9: the parent holds our stdin open, the
// kernel closes it when the parent goes, and we exit on end of input (and, as a fallback, when we are
// re-parented). A SIGTERM from the parent closes the server and LevelDB gracefully.

const MIN_NODE_MAJOR = 20
const major = Number(process.versions.node.split('.')[0])
if (major < MIN_NODE_MAJOR) {
  fail(`Node.js ${MIN_NODE_MAJOR} or newer is needed for the local DynamoDB store; this is ${process.version}`)
}

const dynalite = require('dynalite')
const { Level } = require('level')

const args = process.argv.slice(2)
const pathIndex = args.indexOf('--path')
const dataPath = pathIndex >= 0 ? args[pathIndex + 1] : undefined
const accessKey = process.env.BIANMIN_DYNALITE_ACCESS_KEY || ''
if (!accessKey) fail('BIANMIN_DYNALITE_ACCESS_KEY is not set')

let server
let stopping = false

main().catch((err) => fail(err && err.stack ? err.stack : String(err)))

async function main () {
  if (dataPath) await awaitLevelDbLock(dataPath)
  // Tables are ACTIVE at once: nobody here benefits from the 500 ms CREATING state that dynalite imitates.
  server = dynalite({ path: dataPath, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 })
  const handleDynamoDbRequest = server.listeners('request')[0]
  server.removeAllListeners('request')
  server.on('request', (req, res) => {
    if (signedWith(req.headers.authorization) !== accessKey && req.method === 'POST') {
      return refuse(res)
    }
    handleDynamoDbRequest(req, res)
  })
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ event: 'listening', port: server.address().port }) + '\n')
  })
  watchParent()
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

// A previous store on the same directory may still be closing (its parent was just killed): LevelDB's own
// lock tells us, and we wait for it a little instead of failing the restart.
async function awaitLevelDbLock (path) {
  for (let attempt = 0; ; attempt++) {
    const probe = new Level(path, { valueEncoding: 'json' })
    try {
      await probe.open()
      await probe.close()
      return
    } catch (err) {
      const locked = err.code === 'LEVEL_LOCKED' || (err.cause && err.cause.code === 'LEVEL_LOCKED')
      if (!locked || attempt >= 100) {
        fail(`cannot open the data directory ${path}: ${locked ? 'another process holds its LevelDB lock' : err.message}`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

// The access key id of a SigV4 Authorization header: "AWS4-HMAC-SHA256 Credential=<key>/<date>/...".
function signedWith (authorization) {
  const match = /Credential=([^/,\s]+)\//.exec(authorization || '')
  return match ? match[1] : null
}

function refuse (res) {
  const body = JSON.stringify({
    __type: 'com.amazon.coral.service#UnrecognizedClientException',
    message: 'The security token included in the request is invalid.',
  })
  res.statusCode = 400
  res.setHeader('Content-Type', 'application/x-amz-json-1.0')
  res.setHeader('Content-Length', Buffer.byteLength(body))
  res.end(body)
}

// When the parent is gone nobody waits for an answer, so there is nothing to finish gracefully: every acknowledged
// write is already in LevelDB's log (written before its answer was sent), and exiting at once frees the
// directory's LevelDB lock for the next runtime without delay.
function watchParent () {
  const orphaned = () => process.exit(0)
  process.stdin.on('end', orphaned)
  process.stdin.on('error', orphaned)
  process.stdin.resume()
  const parent = process.ppid
  setInterval(() => {
    if (process.ppid !== parent) orphaned()
  }, 500).unref()
}

// Closing the server lets dynalite finish pending writes and close LevelDB cleanly; LevelDB's log makes even an
// abrupt exit safe, so the timeout only bounds how long a stop can take.
function stop () {
  if (stopping) return
  stopping = true
  setTimeout(() => process.exit(0), 5000).unref()
  if (!server) process.exit(0)
  server.close(() => process.exit(0))
}

function fail (message) {
  process.stderr.write(`dynalite-server: ${message}\n`)
  process.exit(1)
}
