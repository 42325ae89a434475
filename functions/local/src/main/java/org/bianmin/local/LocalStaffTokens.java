package org.bianmin.local;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Development staff tokens for the local runtime, which has no API Gateway in front: HS256 JWTs with the same
 * claims the deployed authorizer passes on ({@code sub}, {@code department}, {@code role}). The signing secret is
 * a public development value unless {@code BIANMIN_LOCAL_TOKEN_SECRET} is set; in AWS tokens come from the city's
 * identity provider and API Gateway verifies them.
 */
public final class LocalStaffTokens {

    static final String ISSUER = "bianmin-local";
    private static final String DEVELOPMENT_SECRET = "bianmin-local-development-token-secret-32b";

    private final byte[] secret;
    private final boolean developmentSecret;

    public LocalStaffTokens(String secret) {
        this.developmentSecret = secret == null || secret.isBlank();
        this.secret = (developmentSecret ? DEVELOPMENT_SECRET : secret).getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes");
        }
    }

    public static LocalStaffTokens fromEnvironment() {
        return new LocalStaffTokens(System.getenv("BIANMIN_LOCAL_TOKEN_SECRET"));
    }

    /** True while tokens are signed with the public development secret: anyone can make them. */
    public boolean usesDevelopmentSecret() {
        return developmentSecret;
    }

    /** A token for a department's staff, or for the dispatch centre when {@code dispatch} is set. */
    public String issue(String subject, String department, boolean dispatch, Duration validFor) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(validFor)));
        if (department != null) {
            claims.claim("department", department);
        }
        if (dispatch) {
            claims.claim("role", "dispatch");
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid, unexpired token from this issuer; empty otherwise. */
    public Optional<Map<String, String>> verify(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().before(new Date()) || claims.getSubject() == null) {
                return Optional.empty();
            }
            Map<String, String> verified = new LinkedHashMap<>();
            verified.put("sub", claims.getSubject());
            Object department = claims.getClaim("department");
            if (department != null) {
                verified.put("department", department.toString());
            }
            Object role = claims.getClaim("role");
            if (role != null) {
                verified.put("role", role.toString());
            }
            return Optional.of(verified);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
