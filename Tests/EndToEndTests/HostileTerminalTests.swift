import Foundation
import ServiceDomain
import ServiceStore
import TestSupport
import Testing

/// The raw bytes the console writes to a real terminal (tmux `pipe-pane` records the pty output)
/// while hostile text comes in both ways a shop gets it: a CSV import and keys typed into a field.
/// None of the corpus's escape sequences may come out: no OSC (title, clipboard, hyperlink), DCS, APC,
/// PM, SOS, no C1 control, no status request (ESC [ 6 n, ESC [ 21 t), no bell.
@Suite(.serialized)
struct HostileTerminalTests {
    /// Sequences ncurses never sends for this console, so any of them in the output came from data.
    private static let forbidden: [(String, [UInt8])] = [
        ("OSC", [0x1B, 0x5D]), ("DCS", [0x1B, 0x50]), ("APC", [0x1B, 0x5F]), ("PM", [0x1B, 0x5E]), ("SOS", [0x1B, 0x58]),
        ("DSR", Array("\u{1B}[6n".utf8)), ("window report", Array("\u{1B}[21t".utf8)), ("BEL", [0x07]),
        ("full reset", [0x1B, 0x63]), ("alt-screen off", Array("\u{1B}[?1049l".utf8)),
    ]

    private func firstForbidden(in bytes: [UInt8]) -> String? {
        for (name, sequence) in Self.forbidden {
            if bytes.count >= sequence.count {
                for i in 0...(bytes.count - sequence.count) where bytes[i] == sequence[0] {
                    if Array(bytes[i..<(i + sequence.count)]) == sequence { return "\(name) at byte \(i)" }
                }
            }
        }
        // C1 controls as UTF-8 (U+0080–U+009F): C2 80 … C2 9F.
        for i in 0..<max(0, bytes.count - 1) where bytes[i] == 0xC2 && (0x80...0x9F).contains(bytes[i + 1]) {
            return "C1 control U+00\(String(bytes[i + 1], radix: 16)) at byte \(i)"
        }
        return nil
    }

    @Test func theByteCheckFindsWhatItLooksFor() {
        #expect(firstForbidden(in: Array("ok\u{1B}]0;t\u{7}".utf8)) != nil)
        #expect(firstForbidden(in: Array("ok\u{9B}31m".utf8)) != nil)
        #expect(firstForbidden(in: Array("\u{1B}[1;1H王芳\u{1B}[m".utf8)) == nil)
    }

    @Test func hostileImportAndTypingNeverReachTheTerminalRaw() throws {
        let session = try TmuxSession(width: 120, height: 40)
        try session.makeDemoShop()
        // A CSV full of hostile names, notes and models (valid phones and plates so the rows import).
        let csv = session.workDir.appendingPathComponent("hostile.csv")
        var lines = "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\r\n"
        let payloads = HostileCorpus.escapeSequences + HostileCorpus.bidirectional + HostileCorpus.controlCharacters
        for (n, payload) in payloads.enumerated() {
            let cell = "\"" + ("恶意" + payload).replacingOccurrences(of: "\"", with: "\"\"") + "\""
            lines += "Evil\(n),\(String(format: "1770000%04d", n)),0,0,\(String(format: "粤Z%05d", n)),,\(cell),,,,\(cell)\r\n"
        }
        try Data(lines.utf8).write(to: csv)
        let imported = try TmuxSession.run(TmuxSession.advisorPath, ["import", "--db", session.dbPath, csv.path],
                                           environment: session.consoleEnvironment)
        #expect(imported.status == 0, "\(imported.out)")
        #expect(firstForbidden(in: Array(imported.out.utf8)) == nil, "the import's own output")

        try session.startShell()
        let raw = session.workDir.appendingPathComponent("raw.bytes").path
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        _ = try TmuxSession.run(TmuxSession.tmuxPath, ["-L", session.socket, "pipe-pane", "-o", "-t", "main", "cat >> '\(raw)'"])

        // Show the imported rows (their plates start 粤Z) and open a card.
        try session.sendLiteral("粤Z0")
        try session.waitFor("Evil")
        try session.sendKeys("Enter")
        try session.waitFor("Customer card")
        try session.sendKeys("Escape")
        try session.waitFor("Find: ")
        // Type hostile text into the field: literal bytes, escapes included.
        for payload in ["\u{1B}]0;PWNED\u{7}", "\u{1B}[2J", "\u{202E}abc", "１３８", "=cmd|' /C calc'!A0", "'; DROP TABLE customer; --"] {
            try session.sendKeys("C-u")
            try session.sendLiteral(payload)
            Thread.sleep(forTimeInterval: 0.3)
        }
        let screen = try session.capture()
        _ = try TmuxSession.run(TmuxSession.tmuxPath, ["-L", session.socket, "pipe-pane", "-t", "main"])
        #expect(!screen.contains("PWNED"))
        let bytes = Array((FileManager.default.contents(atPath: raw) ?? Data()))
        #expect(bytes.count > 1000, "the raw output was not captured (\(bytes.count) bytes)")
        #expect(firstForbidden(in: bytes) == nil)
        // The console is still alive and answering.
        try session.sendKeys("F1")
        try session.waitFor("Help")
        try session.sendKeys("Escape")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
        FileHandle.standardError.write(Data("[robustness] hostile terminal: \(payloads.count) imported payloads + 6 typed, \(bytes.count) raw bytes checked\n".utf8))
    }
}
