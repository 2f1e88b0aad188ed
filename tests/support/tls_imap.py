"""A minimal IMAP server on loopback for TLS tests: certificates made here (cryptography), a test
CA the client can be told to trust (SSL_CERT_FILE), and a count of LOGIN commands received: a
LOGIN means the client accepted the connection and sent its password."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import ipaddress
import socket
import ssl
import threading
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.dovecot import free_port


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


class Certs:
    """A test CA and leaf certificates: good, expired, wrong host, and self-signed."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.ca_key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        self.ca = (
            x509.CertificateBuilder()
            .subject_name(_name("orderwatch test CA"))
            .issuer_name(_name("orderwatch test CA"))
            .public_key(self.ca_key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(self.ca_key, hashes.SHA256())
        )
        self.ca_file = folder / "ca.pem"
        self.ca_file.write_bytes(self.ca.public_bytes(serialization.Encoding.PEM))

    def leaf(
        self, name: str, host: str = "127.0.0.1", expired: bool = False, self_signed: bool = False
    ) -> tuple[Path, Path, str]:
        """(cert file, key file, SHA-256 fingerprint of the DER certificate)."""
        key = ec.generate_private_key(ec.SECP256R1())
        now = dt.datetime.now(dt.UTC)
        start, end = (
            (now - dt.timedelta(days=30), now - dt.timedelta(days=1))
            if expired
            else (now - dt.timedelta(days=1), now + dt.timedelta(days=30))
        )
        san = x509.IPAddress(ipaddress.ip_address(host)) if host[0].isdigit() else x509.DNSName(host)
        builder = (
            x509.CertificateBuilder()
            .subject_name(_name(host))
            .issuer_name(_name(host) if self_signed else self.ca.subject)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(start)
            .not_valid_after(end)
            .add_extension(x509.SubjectAlternativeName([san]), critical=False)
        )
        cert = builder.sign(key if self_signed else self.ca_key, hashes.SHA256())
        cert_file, key_file = self.folder / f"{name}.pem", self.folder / f"{name}.key"
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            )
        )
        return cert_file, key_file, hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


class StubImap:
    """Speaks just enough IMAP for a login: over TLS (`cert`), or plain without STARTTLS."""

    def __init__(self, cert: tuple[Path, Path] | None) -> None:
        self.port = free_port()
        self.logins = 0
        self.context = None
        if cert:
            self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            self.context.load_cert_chain(str(cert[0]), str(cert[1]))
        self.sock = socket.create_server(("127.0.0.1", self.port))
        self.sock.settimeout(0.2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> StubImap:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(5)
        self.sock.close()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._session, args=(conn,), daemon=True).start()

    def _session(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError, ssl.SSLError):
            conn.settimeout(5)
            if self.context is not None:
                conn = self.context.wrap_socket(conn, server_side=True)
            conn.sendall(b"* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] stub ready\r\n")
            reader = conn.makefile("rb")
            for line in reader:
                tag, _, rest = line.decode("ascii", "replace").strip().partition(" ")
                command = rest.split(" ")[0].upper()
                if command == "LOGIN":
                    self.logins += 1
                    conn.sendall(f"{tag} OK logged in\r\n".encode())
                elif command == "CAPABILITY":
                    conn.sendall(f"* CAPABILITY IMAP4rev1\r\n{tag} OK done\r\n".encode())
                elif command == "LOGOUT":
                    conn.sendall(f"* BYE bye\r\n{tag} OK done\r\n".encode())
                    break
                else:
                    conn.sendall(f"{tag} BAD not here\r\n".encode())
        with contextlib.suppress(OSError):
            conn.close()
