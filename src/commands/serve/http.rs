//! The loopback HTTP/1.1 server of `doracak serve`, with the limits a server on a person's
//! machine needs (issue 24): requests are parsed by `httparse`; the connections, the time a
//! connection may sit idle, the size of a request's head and the `Host` it names are
//! bounded here.
//!
//! - at most [`MAX_CONNECTIONS`] connections at once (one thread each); one more is
//!   answered `503` and closed;
//! - a request head (request line and headers) of at most [`MAX_HEAD`] bytes, else `431`;
//! - a connection idle for [`IDLE`] (no byte of a new request), or a head not complete
//!   within [`HEAD_TIME`], is closed (`408` for the latter);
//! - `Host` must name the address served: `127.0.0.1:PORT` or `localhost:PORT` (the port
//!   may be left out); any other host — a DNS-rebinding page's — is answered `421`;
//! - only `GET` and `HEAD`; a request with a body is answered `400` and closed.

use std::io::{self, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

pub const MAX_CONNECTIONS: usize = 64;
pub const MAX_HEAD: usize = 16 * 1024;
pub const IDLE: Duration = Duration::from_secs(15);
pub const HEAD_TIME: Duration = Duration::from_secs(10);
const MAX_HEADERS: usize = 64;

/// The idle and head times; `DORACAK_SERVE_IDLE_MS` shortens both (for the tests).
fn times() -> (Duration, Duration) {
    static T: std::sync::OnceLock<(Duration, Duration)> = std::sync::OnceLock::new();
    *T.get_or_init(|| {
        match std::env::var("DORACAK_SERVE_IDLE_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
        {
            Some(ms) => (Duration::from_millis(ms), Duration::from_millis(ms)),
            None => (IDLE, HEAD_TIME),
        }
    })
}

/// What the server answers.
pub struct Reply {
    pub status: u16,
    pub ctype: &'static str,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(status: u16, body: &str) -> Reply {
        Reply {
            status,
            ctype: "text/plain; charset=utf-8",
            body: body.as_bytes().to_vec(),
        }
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        421 => "Misdirected Request",
        431 => "Request Header Fields Too Large",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Serve `listener` until it fails, answering each request path with `respond`.
pub fn run(listener: TcpListener, respond: Arc<dyn Fn(&str) -> Reply + Send + Sync>) {
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(0);
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
            let _ = write_reply(
                &mut stream,
                &Reply::text(503, "503 too many connections"),
                false,
                true,
            );
            continue;
        }
        let slot = Slot(Arc::clone(&open));
        let respond = Arc::clone(&respond);
        // If the thread cannot be made, the closure is dropped and its slot with it.
        let _ = std::thread::Builder::new().spawn(move || {
            let _slot = slot;
            connection(stream, port, &*respond);
        });
    }
}

/// One of the [`MAX_CONNECTIONS`] places, given back when dropped.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// One connection: requests one after another (keep-alive), each head bounded in size
/// and time.
fn connection(mut stream: TcpStream, port: u16, respond: &dyn Fn(&str) -> Reply) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(30)));
    let _ = stream.set_nodelay(true);
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    let (idle, head_time) = times();
    loop {
        let start = Instant::now();
        let head_len = loop {
            if let Some(i) = find_head_end(&buf) {
                break i;
            }
            if buf.len() > MAX_HEAD {
                let _ = write_reply(
                    &mut stream,
                    &Reply::text(431, "431 request header fields too large"),
                    false,
                    true,
                );
                return;
            }
            // Idle before a request begins; bounded in total once it has begun.
            let wait = if buf.is_empty() {
                idle
            } else {
                match head_time.checked_sub(start.elapsed()) {
                    Some(d) if !d.is_zero() => d,
                    _ => {
                        let _ = write_reply(
                            &mut stream,
                            &Reply::text(408, "408 request timeout"),
                            false,
                            true,
                        );
                        return;
                    }
                }
            };
            let _ = stream.set_read_timeout(Some(wait));
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk) {
                Ok(0) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) && !buf.is_empty() =>
                {
                    continue;
                }
                Err(_) => return,
            }
        };
        let head = buf[..head_len].to_vec();
        buf.drain(..head_len);
        let (reply, head_only, keep) = answer(&head, port, respond);
        if write_reply(&mut stream, &reply, head_only, !keep).is_err() || !keep {
            return;
        }
    }
}

/// The end of the request head (just after the blank line), if it has come.
fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

/// The reply to one request head; whether only the head is sent (HEAD); whether the
/// connection stays open.
fn answer(head: &[u8], port: u16, respond: &dyn Fn(&str) -> Reply) -> (Reply, bool, bool) {
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    let bad = |msg: &str| (Reply::text(400, msg), false, false);
    match req.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Ok(httparse::Status::Partial) => return bad("400 bad request"),
        Err(httparse::Error::TooManyHeaders) => {
            return (
                Reply::text(431, "431 request header fields too large"),
                false,
                false,
            );
        }
        Err(_) => return bad("400 bad request"),
    }
    let header = |name: &str| {
        req.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_string())
    };
    let version = req.version.unwrap_or(0);
    let close_asked = header("connection")
        .is_some_and(|c| c.split(',').any(|t| t.trim().eq_ignore_ascii_case("close")));
    let keep = version == 1 && !close_asked;
    if header("content-length").is_some_and(|n| n != "0") || header("transfer-encoding").is_some() {
        return bad("400 a request with a body");
    }
    if !host_allowed(header("host").as_deref(), port) {
        return (
            Reply::text(421, "421 this server answers only 127.0.0.1 and localhost"),
            false,
            false,
        );
    }
    let method = req.method.unwrap_or("");
    if method != "GET" && method != "HEAD" {
        return (Reply::text(405, "405 method not allowed"), false, keep);
    }
    let path = req.path.unwrap_or("/");
    (respond(path), method == "HEAD", keep)
}

/// Whether `Host` names the loopback address this server listens on.
pub fn host_allowed(host: Option<&str>, port: u16) -> bool {
    let Some(host) = host else {
        return false;
    };
    let (name, p) = match host.rsplit_once(':') {
        Some((n, p)) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => (n, Some(p)),
        _ => (host, None),
    };
    let name_ok = name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1";
    let port_ok = match p {
        None => true,
        Some(p) => p.parse::<u16>().ok() == Some(port),
    };
    name_ok && port_ok
}

fn write_reply(
    stream: &mut TcpStream,
    reply: &Reply,
    head_only: bool,
    close: bool,
) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: {}\r\n\r\n",
        reply.status,
        reason(reply.status),
        reply.ctype,
        reply.body.len(),
        if close { "close" } else { "keep-alive" }
    );
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(&reply.body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_loopback_names_of_this_port_are_hosts() {
        assert!(host_allowed(Some("127.0.0.1:8000"), 8000));
        assert!(host_allowed(Some("localhost:8000"), 8000));
        assert!(host_allowed(Some("LOCALHOST"), 8000));
        assert!(!host_allowed(Some("localhost:8001"), 8000));
        assert!(!host_allowed(Some("evil.example:8000"), 8000));
        assert!(!host_allowed(Some("127.0.0.1.evil.example:8000"), 8000));
        assert!(!host_allowed(Some("[::1]:8000"), 8000));
        assert!(!host_allowed(None, 8000));
    }
}
