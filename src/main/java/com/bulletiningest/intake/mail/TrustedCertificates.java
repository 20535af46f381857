package com.bulletiningest.intake.mail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code bulletin.imap.trust-store}: the certificates trusted for the intake mailbox's TLS instead of the JVM's own
 * (a company CA, or a server's self-signed certificate). The file is either PEM (one or more
 * {@code -----BEGIN CERTIFICATE-----} blocks, as {@code openssl} writes them) or a PKCS12/JKS key store with
 * {@code bulletin.imap.trust-store-password}.
 */
public final class TrustedCertificates {

    private TrustedCertificates() {
    }

    /** @throws IllegalArgumentException naming the file and what is wrong with it, in one line */
    public static SSLSocketFactory load(Path file, String password) {
        try {
            KeyStore store = certificates(file);
            if (store == null) {
                store = KeyStore.getInstance("PKCS12"); // reads JKS too
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, password == null || password.isEmpty() ? null : password.toCharArray());
                }
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, trust.getTrustManagers(), null);
            return tls.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("bulletin.imap.trust-store " + file
                    + " is neither PEM certificates nor a PKCS12/JKS key store this password opens: " + e.getMessage(), e);
        }
    }

    /** The PEM or DER certificates in the file as a key store, or null when it holds none. */
    private static KeyStore certificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> found;
        try (InputStream in = Files.newInputStream(file)) {
            found = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException notCertificates) {
            return null;
        }
        if (found.isEmpty()) {
            return null;
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int i = 0;
        for (Certificate certificate : found) {
            store.setCertificateEntry("trusted-" + i++, certificate);
        }
        return store;
    }
}
