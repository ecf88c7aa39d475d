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
    start_cmd(command(d.path(), args))
}

/// Starts `sango serve` as `cmd` says.
fn start_cmd(mut cmd: std::process::Command) -> (Child, String) {
    let mut child =
        cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).stdin(Stdio::null()).spawn().unwrap();
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

/// A client that trusts exactly `cert` (DER), as a terminal with `server_ca` does.
fn trusting(cert: &[u8]) -> ureq::Agent {
    let tls = ureq::tls::TlsConfig::builder()
        .root_certs(ureq::tls::RootCerts::new_with_certs(&[
            ureq::tls::Certificate::from_der(cert).to_owned()
        ]))
        .unversioned_rustls_crypto_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .build();
    ureq::Agent::config_builder().tls_config(tls).http_status_as_error(false).build().into()
}

#[test]
fn the_certificate_and_key_come_from_config_toml_and_the_flags_override_them() {
    set_engine(Engine::Sqlite);
    let d = dir();
    let config = d.path().join("config");
    std::fs::create_dir(&config).unwrap();
    let made = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    // The certificate named relative to config.toml's folder, the key by its full path.
    private(&config, "cert.pem", &made.cert.pem(), 0o644);
    let key = private(d.path(), "key.pem", &made.signing_key.serialize_pem(), 0o600);
    let settings = |text: &str| std::fs::write(config.join("config.toml"), text).unwrap();
    let serve = |extra: &[&str]| {
        let mut args = vec!["serve", "--listen", "0.0.0.0:0"];
        args.extend_from_slice(extra);
        let mut c = command(d.path(), &args);
        c.env("SANGO_CONFIG_DIR", &config);
        c
    };
    settings(&format!("tls_cert = \"cert.pem\"\ntls_key = \"{}\"\n", key.display()));
    let mut show = command(d.path(), &["config", "show", "--json"]);
    let v = finish(show.env("SANGO_CONFIG_DIR", &config).output().unwrap()).ok();
    assert_eq!(v["values"]["tls_cert"]["value"], "cert.pem", "{v}");
    assert_eq!(v["values"]["tls_key"]["value"], key.to_str().unwrap(), "{v}");

    let (mut child, url) = start_cmd(serve(&[]));
    assert!(url.starts_with("https://0.0.0.0:"), "{url}");
    let port = url.rsplit(':').next().unwrap().to_string();
    let health =
        trusting(made.cert.der()).get(format!("https://localhost:{port}/v1/health")).call();
    assert_eq!(health.unwrap().status(), 200);
    child.kill().unwrap();
    child.wait().unwrap();

    // The flags override the settings: the settings' key does not exist, the flags' does.
    let other = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
    let cert2 = private(d.path(), "cert2.pem", &other.cert.pem(), 0o644);
    let key2 = private(d.path(), "key2.pem", &other.signing_key.serialize_pem(), 0o600);
    settings("tls_cert = \"cert.pem\"\ntls_key = \"/nonexistent/key.pem\"\n");
    let (mut child, url) = start_cmd(serve(&[
        "--tls-cert",
        cert2.to_str().unwrap(),
        "--tls-key",
        key2.to_str().unwrap(),
    ]));
    let port = url.rsplit(':').next().unwrap().to_string();
    let health =
        trusting(other.cert.der()).get(format!("https://localhost:{port}/v1/health")).call();
    assert_eq!(health.unwrap().status(), 200);
    child.kill().unwrap();
    child.wait().unwrap();
    // Without the flags the settings' missing key is refused, naming it.
    let r = finish(serve(&[]).output().unwrap());
    assert!(r.refused().contains("/nonexistent/key.pem"), "{}", r.stderr);

    // A certificate without its key in the settings: refused, saying what is missing.
    settings("tls_cert = \"cert.pem\"\n");
    let r = finish(serve(&[]).output().unwrap());
    assert!(r.refused().contains("needs its key"), "{}", r.stderr);
    // A value that is not a path: refused, naming the key.
    settings("tls_key = 7\n");
    let r = finish(serve(&[]).output().unwrap());
    assert!(r.stderr.contains("tls_key"), "{}", r.stderr);
}
