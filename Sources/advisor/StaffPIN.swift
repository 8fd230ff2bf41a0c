import CCrypt
import Foundation
import ServiceDomain
#if canImport(Glibc)
import Glibc
#endif

/// PIN hashes: yescrypt from libxcrypt (`crypt_r`), with a fresh random salt from `crypt_gensalt_rn`.
/// Only the hash string (`$y$…`) is stored; the PIN itself never leaves this process.
enum StaffPIN {
    struct HashingFailed: UserFacingError {
        var message: Message {
            Message(zh: "无法计算 PIN 的哈希（系统的 libxcrypt 不支持 yescrypt），PIN 未保存",
                    en: "Cannot hash the PIN (the system's libxcrypt lacks yescrypt); the PIN was not saved")
        }
    }

    /// A new yescrypt hash of `pin` with a random salt (libxcrypt reads the OS random source).
    static func hash(_ pin: String) throws -> String {
        var setting = [CChar](repeating: 0, count: Int(CRYPT_GENSALT_OUTPUT_SIZE))
        guard crypt_gensalt_rn("$y$", 0, nil, 0, &setting, Int32(setting.count)) != nil else { throw HashingFailed() }
        guard let hashed = cryptR(pin, setting: String(decoding: setting.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)), hashed.hasPrefix("$y$") else {
            throw HashingFailed()
        }
        return hashed
    }

    /// True when `pin` hashes to `stored` (a `$y$` hash). Compares in constant time.
    static func verify(_ pin: String, against stored: String) -> Bool {
        guard stored.hasPrefix("$y$"), let candidate = cryptR(pin, setting: stored) else { return false }
        let a = Array(candidate.utf8), b = Array(stored.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<a.count { difference |= a[i] ^ b[i] }
        return difference == 0
    }

    private static func cryptR(_ phrase: String, setting: String) -> String? {
        // struct crypt_data is ~32 KiB: keep it off the stack, zeroed as libxcrypt asks, wiped after.
        let data = UnsafeMutablePointer<crypt_data>.allocate(capacity: 1)
        let size = MemoryLayout<crypt_data>.size
        memset(data, 0, size)
        defer {
            memset(data, 0, size)
            data.deallocate()
        }
        guard let result = crypt_r(phrase, setting, data) else { return nil }
        let text = String(cString: result)
        // Failure is reported as a string starting with "*".
        return text.hasPrefix("*") ? nil : text
    }

    /// Reads a PIN from the controlling terminal with echo off (like passwd), or one line from standard
    /// input when `fromStdin` (for scripts and tests). Nil when nothing could be read.
    static func read(prompt: String, fromStdin: Bool) -> String? {
        if fromStdin { return readLine(strippingNewline: true) }
        let fd = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var saved = termios()
        guard tcgetattr(fd, &saved) == 0 else { return nil }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ECHONL)
        _ = prompt.withCString { Glibc.write(fd, $0, strlen($0)) }
        guard tcsetattr(fd, TCSAFLUSH, &silent) == 0 else { return nil }
        defer { tcsetattr(fd, TCSAFLUSH, &saved) }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1, byte != 0x0A, byte != 0x0D {
            bytes.append(byte)
            if bytes.count > 256 { break }
        }
        defer { for i in bytes.indices { bytes[i] = 0 } }
        return String(decoding: bytes, as: UTF8.self)
    }
}
