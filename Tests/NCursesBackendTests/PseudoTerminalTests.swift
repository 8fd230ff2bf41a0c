import CNCurses
import Glibc
import ScreenKit
import Testing
@testable import NCursesBackend

/// Runs the real backend over ncurses on a pseudo-terminal: what reaches the "screen" is read from the
/// master side, and keys are typed into it. (tmux-based end-to-end tests cover the full application.)
@Suite(.serialized) struct PseudoTerminalTests {
    private final class PseudoTerminal {
        let master: Int32
        let slave: Int32

        init() throws {
            var master: Int32 = -1, slave: Int32 = -1
            try #require(advisor_open_pseudo_terminal(&master, &slave) == 0, "cannot open a pseudo-terminal")
            self.master = master
            self.slave = slave
            _ = advisor_set_window_size(slave, 24, 80)
        }

        deinit {
            close(slave)
            close(master)
        }

        func type(_ text: String) {
            let bytes = Array(text.utf8)
            _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        }

        /// Everything the program wrote, waiting up to 300 ms for the first byte.
        func drain() -> String {
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 4096)
            var wait: Int32 = 300
            while true {
                var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                guard poll(&descriptor, 1, wait) > 0 else { break }
                let n = read(master, &buffer, buffer.count)
                guard n > 0 else { break }
                bytes += buffer[0..<n]
                wait = 50
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }

    @Test func drawsOnlyChangesReadsKeysAndRestores() throws {
        if !NCursesTerminal.localeIsUTF8() {
            try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil, "the C.UTF-8 locale is needed")
        }
        let pty = try PseudoTerminal()
        let output = try #require(fdopen(dup(pty.slave), "w"))
        let input = try #require(fdopen(dup(pty.slave), "r"))
        defer {
            fclose(output)
            fclose(input)
        }
        let terminal = try NCursesTerminal.start(theme: .builtinDefault, colorDepth: .colors256,
                                                 terminalType: "xterm-256color", output: output, input: input)
        #expect(terminal.size == Size(width: 80, height: 24))
        #expect(terminal.colorDepth == .colors256)

        // First frame: everything, in the theme's colors.
        var frame = ScreenBuffer(size: terminal.size)
        frame.put("京A·12345 超时", x: 2, y: 3, role: "ro.overdue")
        frame.put("END", x: 77, y: 23)
        terminal.draw(frame)
        let first = pty.drain()
        #expect(first.contains("京A·12345 超时"))
        #expect(first.contains("\u{1B}[38;5;203m"))
        // The bottom-right cell is written with auto-margins off, so the screen cannot scroll.
        #expect(first.contains("EN\u{1B}[?7lD"))

        // Second frame: only the changed cell goes out.
        frame.put("Q", x: 6, y: 3, role: "ro.overdue")
        terminal.draw(frame)
        let second = pty.drain()
        #expect(second.contains("Q"))
        #expect(!second.contains("京") && !second.contains("END"))
        #expect(second.utf8.count < 80, "sent \(second.debugDescription)")

        // Keys as an xterm sends them (keypad transmit mode is on).
        let typed: [(String, Key)] = [
            ("\u{1B}OA", .up), ("\u{1B}OP", .function(1)), ("\u{1B}[1;5D", .ctrlLeft), ("\u{1B}[Z", .backTab),
            ("\u{1B}x", .alt("x")), ("京", .character("京")), ("\u{1A}", .ctrl("z")), ("\r", .enter),
            ("\u{7F}", .backspace), ("\u{1B}", .escape),
        ]
        for (bytes, expected) in typed {
            pty.type(bytes)
            #expect(terminal.readKey(timeoutMilliseconds: 1000) == expected, "typed \(bytes.debugDescription)")
        }
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)

        // A resize, as the emulator reports it.
        _ = advisor_set_window_size(pty.slave, 30, 100)
        // To the process, not this thread: test threads may block signals, and ncurses only needs its
        // handler to run somewhere. Another thread may take it, so give it a moment to arrive.
        kill(getpid(), SIGWINCH)
        usleep(50_000)
        let resizeRead = ContinuousClock.now
        #expect(terminal.readKey(timeoutMilliseconds: 5000) == .resize)
        // A resize that arrived outside the read is seen at once, not after the timeout.
        #expect(ContinuousClock.now - resizeRead < .seconds(2))
        #expect(terminal.size == Size(width: 100, height: 30))
        terminal.draw(ScreenBuffer(size: terminal.size))
        #expect(pty.drain().contains("\u{1B}[2J"), "a resize repaints from a cleared screen")

        // The cursor shows only where an input wants it.
        var withCursor = ScreenBuffer(size: terminal.size)
        withCursor.cursor = Point(x: 5, y: 2)
        terminal.draw(withCursor)
        #expect(pty.drain().contains("\u{1B}[?25h"))

        terminal.stop()
        #expect(pty.drain().contains("\u{1B}[?1049l"), "stop leaves the alternate screen")
        terminal.stop()
        #expect(pty.drain().isEmpty, "a second stop does nothing")
        #expect(terminal.readKey(timeoutMilliseconds: 0) == nil)
    }
}
