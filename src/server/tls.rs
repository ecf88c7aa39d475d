//! TLS for `sango serve` (rustls on the ring provider): a certificate chain and its private key
//! in PEM files. The key must be a private file of the user running the server (0600, not a
//! link), as the staff PIN file is: whoever reads it can pose as the ward's server.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// The files TLS is served from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// The server's TLS configuration from `files`, every problem named with its file.
pub fn server_config(files: &TlsFiles) -> Result<Arc<rustls::ServerConfig>, String> {
    let shown = |p: &Path| crate::visible::path(p);
    check_key_file(&files.key)?;
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(&files.cert)
        .and_then(|certs| certs.collect::<Result<_, _>>())
        .map_err(|e| format!("the TLS certificate {}: {e}", shown(&files.cert)))?;
    if certs.is_empty() {
        return Err(format!("the TLS certificate {} holds no certificate", shown(&files.cert)));
    }
    let key = PrivateKeyDer::from_pem_file(&files.key)
        .map_err(|e| format!("the TLS key {}: {e}", shown(&files.key)))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS: {e}"))?
        .with_no_client_auth()
        .with_single_cert(certs, key)
        .map_err(|e| {
            format!(
                "the TLS certificate {} and key {} do not go together: {e}",
                shown(&files.cert),
                shown(&files.key)
            )
        })?;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Refuses a key file that others could read, or that is not a plain file.
fn check_key_file(key: &Path) -> Result<(), String> {
    let meta = std::fs::symlink_metadata(key)
        .map_err(|e| format!("the TLS key {}: {e}", crate::visible::path(key)))?;
    if !meta.file_type().is_file() {
        return Err(format!(
            "the TLS key {} is not a plain file (a link or a folder is refused)",
            crate::visible::path(key)
        ));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(format!(
                "the TLS key {} can be read by others (mode {mode:o}): make it the server \
                 user's own (chmod 600)",
                crate::visible::path(key)
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, text: &str, mode: u32) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, text).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        p
    }

    #[test]
    fn a_certificate_and_its_private_key_make_a_config_and_anything_else_is_named() {
        let d = tempfile::tempdir().unwrap();
        let made = rcgen::generate_simple_self_signed(vec!["localhost".into()]).unwrap();
        let cert = write(d.path(), "cert.pem", &made.cert.pem(), 0o644);
        let key = write(d.path(), "key.pem", &made.signing_key.serialize_pem(), 0o600);
        let files = TlsFiles { cert: cert.clone(), key: key.clone() };
        let config = server_config(&files).unwrap();
        assert_eq!(config.alpn_protocols, [b"http/1.1".to_vec()]);

        #[cfg(unix)]
        {
            let open = write(d.path(), "open-key.pem", &made.signing_key.serialize_pem(), 0o644);
            let e = server_config(&TlsFiles { cert: cert.clone(), key: open }).unwrap_err();
            assert!(e.contains("read by others") && e.contains("open-key.pem"), "{e}");
        }
        let other = rcgen::generate_simple_self_signed(vec!["other".into()]).unwrap();
        let wrong = write(d.path(), "wrong-key.pem", &other.signing_key.serialize_pem(), 0o600);
        let e = server_config(&TlsFiles { cert: cert.clone(), key: wrong }).unwrap_err();
        assert!(e.contains("do not go together"), "{e}");
        let garbage = write(d.path(), "garbage.pem", "not a certificate\n", 0o644);
        let e = server_config(&TlsFiles { cert: garbage, key: key.clone() }).unwrap_err();
        assert!(e.contains("garbage.pem"), "{e}");
        let e = server_config(&TlsFiles { cert, key: d.path().join("missing.pem") }).unwrap_err();
        assert!(e.contains("missing.pem"), "{e}");
    }
}
