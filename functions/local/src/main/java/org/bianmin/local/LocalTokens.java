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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bianmin.http.Access;

/**
 * Development tokens for the local runtime, which has no API Gateway in front: HS256 JWTs with the claims the
 * deployed authorizers pass on. Staff tokens ({@code sub}, {@code department}, {@code role}) and citizen tokens
 * ({@code sub}, {@code idNumber}) have different audiences, as the two identity providers in AWS do, so a staff token
 * opens no citizen route and a citizen token no staff route. The signing secret is a public development value unless
 * {@code BIANMIN_LOCAL_TOKEN_SECRET} is set; in AWS tokens come from the city's identity providers and API Gateway
 * verifies them.
 */
public final class LocalTokens {

    /** Who a token is for: the audience, standing in for the two JWT authorizers of the template. */
    public enum Audience {
        STAFF("bianmin-local-staff"), CITIZEN("bianmin-local-citizen");

        private final String value;

        Audience(String value) {
            this.value = value;
        }
    }

    static final String ISSUER = "bianmin-local";
    private static final String DEVELOPMENT_SECRET = "bianmin-local-development-token-secret-32b";
    private static final List<String> PASSED_ON = List.of("department", "role", Access.CITIZEN_ID_CLAIM);

    private final byte[] secret;
    private final boolean developmentSecret;

    public LocalTokens(String secret) {
        this.developmentSecret = secret == null || secret.isBlank();
        this.secret = (developmentSecret ? DEVELOPMENT_SECRET : secret).getBytes(StandardCharsets.UTF_8);
        if (this.secret.length < 32) {
            throw new IllegalArgumentException("the token secret must be at least 32 bytes");
        }
    }

    public static LocalTokens fromEnvironment() {
        return new LocalTokens(LocalSettings.get(LocalSettings.TOKEN_SECRET));
    }

    /**
     * A secret for one purpose derived from the token secret (HMAC-SHA256, base64url): the local metrics scrape
     * token, which {@code dev-token --metrics} prints without asking the running runtime.
     */
    public String derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** True while tokens are signed with the public development secret: anyone can make them. */
    public boolean usesDevelopmentSecret() {
        return developmentSecret;
    }

    /**
     * A staff token: for a department's staff; with a {@code role} ({@code dispatch} for the dispatch centre,
     * {@code device-admin} for device administrators) the department may be null.
     */
    public String issueStaff(String subject, String department, String role, Duration validFor) {
        JWTClaimsSet.Builder claims = claims(subject, Audience.STAFF, validFor);
        if (department != null) {
            claims.claim("department", department);
        }
        if (role != null) {
            claims.claim("role", role);
        }
        return sign(claims);
    }

    /** A citizen token for the resident with this ID number, as the city's identity provider would issue it. */
    public String issueCitizen(String idNumber, Duration validFor) {
        return sign(claims("citizen-" + Integer.toHexString(idNumber.hashCode()), Audience.CITIZEN, validFor)
                .claim(Access.CITIZEN_ID_CLAIM, idNumber));
    }

    private static JWTClaimsSet.Builder claims(String subject, Audience audience, Duration validFor) {
        return new JWTClaimsSet.Builder().subject(subject).issuer(ISSUER).audience(audience.value)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plus(validFor)));
    }

    private String sign(JWTClaimsSet.Builder claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims of a valid, unexpired token from this issuer for this audience; empty otherwise. */
    public Optional<Map<String, String>> verify(String token, Audience audience) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(secret))) {
                return Optional.empty();
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || claims.getExpirationTime() == null
                    || claims.getExpirationTime().before(new Date()) || claims.getSubject() == null
                    || claims.getAudience() == null || !claims.getAudience().contains(audience.value)) {
                return Optional.empty();
            }
            Map<String, String> verified = new LinkedHashMap<>();
            verified.put("sub", claims.getSubject());
            for (String name : PASSED_ON) {
                Object value = claims.getClaim(name);
                if (value != null) {
                    verified.put(name, value.toString());
                }
            }
            return Optional.of(verified);
        } catch (ParseException | JOSEException e) {
            return Optional.empty();
        }
    }
}
