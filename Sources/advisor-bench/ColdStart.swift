import ConsoleApp
import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import ServiceStore
import ShopFixtures
#if canImport(Glibc)
import Glibc
#endif

/// Cold start: from nothing open to the first complete frame of the waiting board (the workshop's
/// screen, `advisor --panel board`), in-process over `TestBackend` and the real `advisor` binary in a
/// pseudo-terminal (which also gives its peak memory).
struct ColdStart {
    let context: BenchContext

    func inProcess() throws -> [ResultRow] {
        var samples: [Double] = []
        var firstScreen: [String] = []
        var total = 0
        for _ in 0..<max(5, context.repetitions / 2) {
            samples.append(try Clock.milliseconds {
                let db = try AppDatabase.open(path: context.dbPath, timeZone: context.timeZone)
                let shop = try db.setting(key: "shop.name") ?? ""
                let staff = try db.staff(login: "sa1")
                let backend = TestBackend(size: Size(width: 120, height: 40))
                var state = AppState(language: .zhHans, shopName: shop, operatorName: staff?.name ?? "bench",
                                     now: context.now, timeZone: context.timeZone)
                state.panel = .waitingBoard
                let runtime = ConsoleRuntime(db: db, operator: Operator(staffID: staff?.id, name: staff?.name ?? ""),
                                             terminal: backend, state: state)
                // As `run()` starts: load the panel's data (and the follow-up snapshot), then draw.
                runtime.dispatch(.consoleStarted)
                runtime.render()
                if firstScreen.isEmpty {
                    firstScreen = backend.screenText
                    total = runtime.state.workshop.board.page?.total ?? 0
                }
                try db.close()
            })
        }
        // The frame is complete: the board's counts are on it.
        let counts = "共 \(total) 台"
        guard total > 0, firstScreen.contains(where: { $0.contains(counts) }) else {
            throw BenchError("the first frame is not the loaded waiting board:\n" + firstScreen.joined(separator: "\n"))
        }
        let s = Samples(values: samples)
        return [ResultRow(name: "cold start, in process (open → first frame of the board)", unit: "ms", samples: s,
                          baseline: try sqliteStart(), target: "<150", met: s.median < 150,
                          note: "opening the file, consoleStarted (the board's \(total) open ROs, the follow-up snapshot), "
                              + "the first frame; baseline: the tool starting and reading one setting")]
    }

    /// The tool starting, opening the file and reading one setting: the floor for any start.
    func sqliteStart() throws -> Samples? {
        guard let tool = context.sqlite else { return nil }
        var samples: [Double] = []
        for _ in 0..<5 {
            samples.append(try tool.wallMilliseconds(
                arguments: [context.dbPath], input: "SELECT value FROM setting WHERE key = 'shop.name';\n"))
        }
        return Samples(values: samples)
    }

    /// The console admits the OS account that runs it (its uid, never `$USER`): in the bench's copy of the
    /// shop, that account gets the roles of the dataset's `login` (sa1 an advisor, mgr1 a manager).
    func admitRunningAccount(like login: String) throws {
        let db = try AppDatabase.open(path: context.dbPath, timeZone: context.timeZone)
        defer { try? db.close() }
        guard let model = try db.staff(login: login) else { throw BenchError("the dataset has no staff member \(login)") }
        let me = OSAccount.current.login
        let bench = Operator(staffID: nil, name: "advisor-bench")
        if var existing = try db.staff(login: me) {
            guard existing.roles != model.roles || !existing.isActive else { return }
            existing.roles = model.roles
            existing.isActive = true
            _ = try db.saveStaff(existing, operator: bench, now: context.now)
        } else {
            _ = try db.saveStaff(Staff(login: me, name: model.name, roles: model.roles), operator: bench, now: context.now)
        }
    }

    /// `advisor` next to this executable (same build folder), if it was built.
    static func advisorBinary() -> String? {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let candidate = me.deletingLastPathComponent().appendingPathComponent("advisor").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }

    func realBinary() throws -> [ResultRow] {
        guard let binary = Self.advisorBinary() else {
            say("  (no advisor binary next to advisor-bench: build it with `swift build -c release --product advisor`)")
            return []
        }
        var start: [Double] = []
        var memory: [Double] = []
        try admitRunningAccount(like: "sa1")
        for _ in 0..<6 {
            // The board's filter line ("all advisors") is drawn by the waiting board only.
            let marker = "全部顾问"
            let run = try PtyRun(binary: binary, arguments: ["--db", context.dbPath, "--lang", "zh-Hans", "--panel", "board"],
                                 columns: 120, rows: 40, firstFrameShows: marker)
            guard run.hasShown(marker) else {
                run.quit()
                throw BenchError("the first frame of `advisor --panel board` is not the waiting board: "
                    + String(decoding: run.output.prefix(2_000), as: UTF8.self))
            }
            start.append(run.firstFrameMilliseconds)
            // To Find (F2) and search for something common so the result list fills, then read the peak.
            memory.append(try run.typeAndReadPeakKilobytes("\u{1B}OQ王") / 1024)
            run.quit()
        }
        // A manager walks every panel (F3…F9: reception, appointments, board, delivery, follow-up,
        // comebacks, reports), then searches: nothing may load every row of ten years.
        var everyPanel: [Double] = []
        try admitRunningAccount(like: "mgr1")
        let panelKeys = ["\u{1B}OR", "\u{1B}OS", "\u{1B}[15~", "\u{1B}[17~", "\u{1B}[18~", "\u{1B}[19~", "\u{1B}[20~",
                         "\u{1B}OQ王"]
        for _ in 0..<3 {
            let run = try PtyRun(binary: binary, arguments: ["--db", context.dbPath, "--lang", "zh-Hans"],
                                 columns: 120, rows: 40)
            var peak = 0.0
            for key in panelKeys { peak = try run.typeAndReadPeakKilobytes(key) / 1024 }
            everyPanel.append(peak)
            run.quit()
        }
        // The first start of the day also makes the daily backup; the median is of the starts after it.
        let first = start.removeFirst()
        let s = Samples(values: start)
        let m = Samples(values: memory)
        let p = Samples(values: everyPanel)
        return [
            ResultRow(name: "cold start, real binary in a pty (--panel board)", unit: "ms", samples: s,
                      baseline: try sqliteStart(), target: "<150", met: s.median < 150,
                      note: "process start to the last byte of the waiting board's first frame (output then quiet for 300 ms); "
                          + String(format: "the day's first start, which makes the daily backup, took %.0f ms", first)),
            ResultRow(name: "peak memory (VmHWM), real binary", unit: "MB", samples: m, target: "<60",
                      met: m.median < 60,
                      note: "after opening on the board, then one search with results (F2, 王)"),
            ResultRow(name: "peak memory after every panel, real binary", unit: "MB", samples: p, target: "<60",
                      met: p.median < 60, note: "a manager opens F3…F9 in turn, then searches (F2, 王)"),
        ]
    }
}

/// The console run in a pseudo-terminal, as a person's terminal would run it.
final class PtyRun {
    let pid: pid_t
    let master: Int32
    /// From spawn to the last byte of the first frame.
    private(set) var firstFrameMilliseconds = 0.0
    /// What the console wrote (the start of it), for error messages.
    private(set) var output: [UInt8] = []

    /// `firstFrameShows`: text the first frame must hold (UTF-8); output is read until it has come, then
    /// until quiet, so a start that writes the terminal's set-up early and the frame later is timed whole.
    init(binary: String, arguments: [String], columns: Int, rows: Int, firstFrameShows marker: String? = nil) throws {
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0, PtyCalls.grantpt(master) == 0, PtyCalls.unlockpt(master) == 0,
              let name = PtyCalls.ptsname(master) else {
            throw BenchError("cannot open a pseudo-terminal")
        }
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in Int32(0)...2 { posix_spawn_file_actions_addopen(&actions, fd, slavePath, O_RDWR, 0) }
        posix_spawn_file_actions_addclose(&actions, master)
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = "xterm-256color"
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["COLUMNS"] = String(columns)
        env["LINES"] = String(rows)
        let argv = ([binary] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let t0 = Clock.nowNanoseconds()
        let rc = posix_spawn(&child, binary, &actions, nil, argv, envp)
        guard rc == 0 else { throw BenchError("posix_spawn failed: \(rc)") }
        pid = child
        let last = drain(quietMilliseconds: 300, limitMilliseconds: 10_000, until: marker.map { Array($0.utf8) })
        firstFrameMilliseconds = Double(last - t0) / 1e6
    }

    /// Whether the console has written `marker` so far.
    func hasShown(_ marker: String) -> Bool { output(contains: Array(marker.utf8), from: 0) }

    private func output(contains marker: [UInt8], from start: Int) -> Bool {
        guard !marker.isEmpty, output.count - start >= marker.count else { return marker.isEmpty }
        return (start...(output.count - marker.count)).contains { output[$0..<($0 + marker.count)].elementsEqual(marker) }
    }

    /// Reads output until none came for `quietMilliseconds` (and, with `until`, not before those bytes
    /// came); returns when the last byte arrived.
    @discardableResult
    func drain(quietMilliseconds: Int32, limitMilliseconds: UInt64, until marker: [UInt8]? = nil) -> UInt64 {
        var lastByte = Clock.nowNanoseconds()
        let deadline = lastByte + limitMilliseconds * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var gotAny = false
        var seen = marker == nil
        while Clock.nowNanoseconds() < deadline {
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let wait = gotAny && seen ? quietMilliseconds : Int32((deadline - min(deadline, Clock.nowNanoseconds())) / 1_000_000)
            let ready = poll(&fds, 1, wait)
            if ready <= 0 { break }
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            let before = output.count
            if output.count < 100_000 { output += buffer[0..<n] }
            // Searched from a marker's length before what just came, in case it was split across reads.
            if !seen, let marker { seen = output(contains: marker, from: max(0, before - marker.count)) }
            gotAny = true
            lastByte = Clock.nowNanoseconds()
        }
        return lastByte
    }

    func typeAndReadPeakKilobytes(_ text: String) throws -> Double {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
        drain(quietMilliseconds: 300, limitMilliseconds: 5_000)
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else {
            throw BenchError("no VmHWM for pid \(pid); the console wrote: "
                + String(decoding: output.prefix(2_000), as: UTF8.self))
        }
        return kb
    }

    /// Ctrl-Q, then wait for the exit (SIGTERM after two seconds).
    func quit() {
        var ctrlQ: UInt8 = 0x11
        _ = write(master, &ctrlQ, 1)
        var status: Int32 = 0
        for _ in 0..<200 {
            drain(quietMilliseconds: 10, limitMilliseconds: 20)
            if waitpid(pid, &status, WNOHANG) == pid { close(master); return }
        }
        kill(pid, SIGTERM)
        waitpid(pid, &status, 0)
        close(master)
    }
}

/// grantpt, unlockpt and ptsname are hidden from Swift's Glibc module (they need _XOPEN_SOURCE);
/// look them up in the C library instead.
enum PtyCalls {
    typealias IntCall = @convention(c) (Int32) -> Int32
    typealias NameCall = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?

    static func symbol<T>(_ name: String, as: T.Type) -> T {
        guard let pointer = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
            fatalError("\(name) not found in the C library")
        }
        return unsafeBitCast(pointer, to: T.self)
    }

    static func grantpt(_ fd: Int32) -> Int32 { symbol("grantpt", as: IntCall.self)(fd) }
    static func unlockpt(_ fd: Int32) -> Int32 { symbol("unlockpt", as: IntCall.self)(fd) }
    static func ptsname(_ fd: Int32) -> UnsafeMutablePointer<CChar>? { symbol("ptsname", as: NameCall.self)(fd) }
}
