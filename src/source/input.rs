//! Reading one input — a file or standard input — and refusing what is not an article.

use std::io::Read;
use std::path::Path;

/// Articles larger than this are refused rather than read into memory.
pub const MAX_INPUT_BYTES: u64 = 32 * 1024 * 1024;

/// Reads an article. Regular files are read; a FIFO or pipe (what
/// `claimcheck check <(program)` names) is read only while a program writes
/// to it, so that one nobody writes to is reported instead of waited for
/// forever. Sockets and devices are refused where the path is found (see
/// [`readable_kind`]), and again here once opened. The error says why, and is
/// shown after the input's name.
pub fn read_file(path: &Path) -> Result<String, String> {
    let (file, meta) = open(path)?;
    readable_kind(&meta.file_type())?;
    if meta.file_type().is_fifo() {
        let bytes = read_pipe(file).map_err(|e| io_reason(&e))?;
        if bytes.is_empty() {
            return Err(format!(
                "not a regular file (a FIFO) and nothing is writing to it; to read what a program \
                 writes, use - and redirect: claimcheck check - < {}",
                path.display()
            ));
        }
        return decode(bytes);
    }
    if meta.len() > MAX_INPUT_BYTES {
        return Err(too_large(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    (&file)
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    decode(bytes)
}

/// Reads a file of the fact base: a regular file, never a FIFO (nothing would
/// be written to it) nor a device, refused before and after opening.
pub fn read_regular_file(path: &Path) -> Result<String, String> {
    let regular = |meta: &std::fs::Metadata| {
        if meta.is_file() {
            Ok(())
        } else {
            Err(not_regular(&meta.file_type()))
        }
    };
    regular(&std::fs::metadata(path).map_err(|e| io_reason(&e))?)?;
    let (file, meta) = open(path)?;
    regular(&meta)?;
    let mut text = String::new();
    (&file)
        .read_to_string(&mut text)
        .map_err(|e| io_reason(&e))?;
    Ok(text)
}

/// Whether an article may be read from a file of this kind: a regular file or
/// a FIFO may; a folder, a socket or a device may not, and is refused before
/// it is opened (opening a device may have effects; a socket cannot be).
pub fn readable_kind(kind: &std::fs::FileType) -> Result<(), String> {
    if kind.is_dir() {
        Err("is a folder".to_string())
    } else if kind.is_file() || kind.is_fifo() {
        Ok(())
    } else {
        Err(not_regular(kind))
    }
}

/// Opens `path` for reading, with what the opened file is: asked of the open
/// file, so that a file swapped after the caller's look is seen for what it
/// is. Opening a FIFO normally waits for a writer, perhaps forever: it is
/// opened without waiting.
fn open(path: &Path) -> Result<(std::fs::File, std::fs::Metadata), String> {
    let file = open_without_waiting(path).map_err(|e| io_reason(&e))?;
    let meta = file.metadata().map_err(|e| io_reason(&e))?;
    Ok((file, meta))
}

fn not_regular(kind: &std::fs::FileType) -> String {
    let what = if kind.is_fifo() {
        "a FIFO"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() {
        "a character device"
    } else if kind.is_block_device() {
        "a block device"
    } else if kind.is_dir() {
        "a folder"
    } else {
        "neither a file nor a folder"
    };
    format!("not a regular file ({what})")
}

#[cfg(unix)]
use std::os::unix::fs::FileTypeExt;

/// Where there are no FIFOs, sockets or devices in the file system.
#[cfg(not(unix))]
trait FileTypeExt {
    fn is_fifo(&self) -> bool {
        false
    }
    fn is_socket(&self) -> bool {
        false
    }
    fn is_char_device(&self) -> bool {
        false
    }
    fn is_block_device(&self) -> bool {
        false
    }
}

#[cfg(not(unix))]
impl FileTypeExt for std::fs::FileType {}

/// O_NONBLOCK makes opening a FIFO return at once, writer or not; it changes
/// nothing for a regular file.
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Reads a FIFO opened without waiting, up to one byte past the limit.
/// Reading waits again (O_NONBLOCK is cleared), so a writer that is slow to
/// write is waited for; with no writer at all, reading ends at once, empty.
#[cfg(unix)]
fn read_pipe(file: std::fs::File) -> std::io::Result<Vec<u8>> {
    use std::os::fd::AsRawFd;
    let fd = file.as_raw_fd();
    // SAFETY: `fd` belongs to `file`, open for both calls; F_GETFL and
    // F_SETFL read and set the descriptor's status flags and touch no memory.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || unsafe { libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    let mut bytes = Vec::new();
    file.take(MAX_INPUT_BYTES + 1).read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(not(unix))]
fn read_pipe(_: std::fs::File) -> std::io::Result<Vec<u8>> {
    Err(std::io::Error::other("FIFOs cannot be read here"))
}

pub fn read_stdin() -> Result<String, String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_reason(&e))?;
    decode(bytes)
}

fn too_large(len: u64) -> String {
    format!(
        "is {:.1} MiB, larger than the {} MiB an article may have",
        len as f64 / 1024.0 / 1024.0,
        MAX_INPUT_BYTES / 1024 / 1024
    )
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Checks that `bytes` are a text article: not empty, not binary, valid UTF-8.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(too_large(bytes.len() as u64));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("is empty".to_string());
    }
    let head = &bytes[..bytes.len().min(8192)];
    // `contains` searches a word at a time; the offset is found only for the message.
    let has_nul = head.contains(&0);
    if let Some(order) = utf16_order(head, has_nul) {
        return Err(format!(
            "is UTF-16 ({order}), not UTF-8; convert it first: iconv -f UTF-16 -t UTF-8"
        ));
    }
    if has_nul && let Some(at) = head.iter().position(|b| *b == 0) {
        return Err(format!(
            "looks like a binary file (NUL byte at offset {at})"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|b| **b == b'\n').count() + 1;
        format!("is not valid UTF-8 (invalid byte 0x{:02X} at offset {at}, line {line}); convert it to UTF-8 first", bytes[at])
    })
}

/// Whether `head` is the start of a UTF-16 text, and in which byte order:
/// a byte-order mark, or Latin text whose every other byte is NUL. (Such a
/// file is text, not binary: the user needs to convert it, not drop it.)
/// `has_nul`: whether `head` holds a NUL byte (without one, only a mark can
/// tell; the pairs of a UTF-8 article are not counted).
fn utf16_order(head: &[u8], has_nul: bool) -> Option<&'static str> {
    match head {
        [0xFF, 0xFE, ..] => return Some("little-endian, with a byte-order mark"),
        [0xFE, 0xFF, ..] => return Some("big-endian, with a byte-order mark"),
        _ => {}
    }
    let pairs = head.len() / 2;
    if pairs < 2 || !has_nul {
        return None;
    }
    let nul_at = |parity: usize| {
        head.chunks_exact(2)
            .filter(|p| p[parity] == 0 && p[1 - parity] != 0)
            .count()
    };
    // Nine pairs in ten: room for a few characters beyond Latin-1.
    if nul_at(1) * 10 >= pairs * 9 {
        Some("little-endian")
    } else if nul_at(0) * 10 >= pairs * 9 {
        Some("big-endian")
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_binary_and_non_utf8_input() {
        assert_eq!(decode(b"".to_vec()).unwrap_err(), "is empty");
        assert_eq!(decode(b" \n\t".to_vec()).unwrap_err(), "is empty");
        assert!(decode(b"ab\0cd".to_vec()).unwrap_err().contains("binary"));
        let err = decode(b"caf\xe9\nx".to_vec()).unwrap_err();
        assert!(err.contains("offset 3, line 1"), "{err}");
        assert_eq!(decode("Zoé".as_bytes().to_vec()).unwrap(), "Zoé");
    }

    #[test]
    fn utf16_is_named_as_such_not_as_binary() {
        let le: Vec<u8> = "Acme a levé"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let be: Vec<u8> = "Acme a levé"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(&le);
        for (bytes, order) in [(le, "little-endian"), (be, "big-endian"), (bom, "mark")] {
            let err = decode(bytes).unwrap_err();
            assert!(err.contains("UTF-16") && err.contains(order), "{err}");
        }
        assert!(decode(b"ab\0cd".to_vec()).unwrap_err().contains("binary"));
    }
}
