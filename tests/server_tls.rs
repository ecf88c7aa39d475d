//! `sango serve` over TLS: with a certificate and its key it serves HTTPS on any address (here
//! every interface), a client that trusts the certificate talks to it, plain HTTP to the same
//! port gets nothing, and it stops cleanly; without them, a non-loopback address is refused.

mod store_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::Arc;

use store_support::*;

fn private(dir: &Path, name: &str, text: &str, mode: u32) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    p
}

/// Starts `sango serve` and returns it with the address it printed.
fn start(d: &TestDir, args: &[&str]) -> (Child, String) {
    let mut child = command(d.path(), args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .stdin(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    if line.is_empty() {
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        panic!("the server did not start: {err}");
    }
    (child, line.trim().trim_start_matches("listening on ").to_string())
}

on_both_engines! {
    fn https_is_served_on_any_address_to_a_client_that_trusts_the_certificate() {
        let d = dir();
        let made = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let cert = private(d.path(), "cert.pem", &made.cert.pem(), 0o644);
        let key = private(d.path(), "key.pem", &made.signing_key.serialize_pem(), 0o600);
        let (mut child, url) = start(&d, &[
            "serve", "--listen", "0.0.0.0:0",
            "--tls-cert", cert.to_str().unwrap(), "--tls-key", key.to_str().unwrap(),
        ]);
        assert!(url.starts_with("https://0.0.0.0:"), "{url}");
        let port: u16 = url.rsplit(':').next().unwrap().parse().unwrap();

        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::new_with_certs(&[
                ureq::tls::Certificate::from_der(made.cert.der()).to_owned(),
            ]))
            .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::ring::default_provider()))
            .build();
        let agent: ureq::Agent =
            ureq::Agent::config_builder().tls_config(tls).http_status_as_error(false).build().into();
        let health = agent.get(&format!("https://localhost:{port}/v1/health")).call().unwrap();
        assert_eq!(health.status(), 200);
        // Everything else still needs a token, over TLS as over plain HTTP.
        let r = agent.get(&format!("https://localhost:{port}/v1/facilities")).call().unwrap();
        assert_eq!(r.status(), 401);

        // A client that trusts another certificate is refused by its own TLS.
        let stranger = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let strict: ureq::Agent = ureq::Agent::config_builder()
            .tls_config(
                ureq::tls::TlsConfig::builder()
                    .root_certs(ureq::tls::RootCerts::new_with_certs(&[
                        ureq::tls::Certificate::from_der(stranger.cert.der()).to_owned(),
                    ]))
                    .unversioned_rustls_crypto_provider(Arc::new(
                        rustls::crypto::ring::default_provider(),
                    ))
                    .build(),
            )
            .build()
            .into();
        assert!(strict.get(&format!("https://localhost:{port}/v1/health")).call().is_err());

        // Plain HTTP to the TLS port: no answer in HTTP.
        let mut plain = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        plain.set_read_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
        plain.write_all(b"GET /v1/health HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut got = Vec::new();
        let _ = plain.read_to_end(&mut got);
        assert!(!String::from_utf8_lossy(&got).contains("200 OK"));

        // SIGTERM: a clean stop.
        #[cfg(unix)]
        {
            std::process::Command::new("kill").arg(child.id().to_string()).status().unwrap();
            let status = child.wait().unwrap();
            assert!(status.success(), "{status:?}");
        }
        #[cfg(not(unix))]
        child.kill().unwrap();
    }
}

#[test]
fn a_key_others_can_read_or_a_missing_half_is_refused_before_listening() {
    set_engine(Engine::Sqlite);
    let d = dir();
    let made = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let cert = private(d.path(), "cert.pem", &made.cert.pem(), 0o644);
    let key = private(d.path(), "key.pem", &made.signing_key.serialize_pem(), 0o644);
    let r = sango(
        d.path(),
        &[
            "serve",
            "--listen",
            "0.0.0.0:0",
            "--tls-cert",
            cert.to_str().unwrap(),
            "--tls-key",
            key.to_str().unwrap(),
        ],
    );
    assert!(r.refused().contains("read by others"), "{}", r.stderr);
    let r =
        sango(d.path(), &["serve", "--listen", "0.0.0.0:0", "--tls-cert", cert.to_str().unwrap()]);
    assert_eq!(r.code, 2, "a certificate without its key is a usage error: {}", r.stderr);
    let r = sango(d.path(), &["serve", "--listen", "0.0.0.0:0"]);
    assert!(r.refused().contains("--tls-cert"), "{}", r.stderr);
}
