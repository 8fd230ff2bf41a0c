import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// Drives the real `advisor` binary in a real terminal: tmux runs it on its own server socket,
/// `send-keys` types and `capture-pane -p` reads the screen.
final class TmuxSession {
    let socket: String
    let workDir: URL
    let dbPath: String
    private(set) var width: Int
    private(set) var height: Int

    /// A fresh temporary directory (holding the database) and a private tmux server.
    init(width: Int = 120, height: Int = 40) throws {
        socket = "advisor-e2e-\(UUID().uuidString.prefix(8))"
        workDir = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
        dbPath = workDir.appendingPathComponent("shop.db").path
        self.width = width
        self.height = height
    }

    /// The tmux server's pid, so it can be ended even if `kill-server` does not reach it.
    private var serverPID: pid_t = 0

    deinit {
        _ = try? Self.run(Self.tmuxPath, ["-L", socket, "kill-server"])
        if serverPID > 0 { kill(serverPID, SIGKILL) }
        try? FileManager.default.removeItem(at: workDir)
    }

    static var tmuxPath: String {
        for p in ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"] where FileManager.default.isExecutableFile(atPath: p) {
            return p
        }
        return "/usr/bin/tmux"
    }

    /// The `advisor` binary built beside this test bundle (or `ADVISOR_BIN`).
    static var advisorPath: String {
        if let p = ProcessInfo.processInfo.environment["ADVISOR_BIN"] { return p }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("advisor").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return "advisor"
    }

    /// Runs a command to completion and returns its exit status and output (stdout and stderr).
    /// posix_spawn and waitpid directly, output through a temporary file: tmux's server outlives the
    /// client that starts it and would keep a pipe (or Foundation's child watcher) waiting forever.
    @discardableResult
    static func run(_ path: String, _ args: [String], environment: [String: String]? = nil) throws -> (status: Int32, out: String) {
        let outPath = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-e2e-out-\(UUID().uuidString)").path
        defer { unlink(outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { env.forEach { free($0) } }

        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, env)
        guard rc == 0 else { throw E2EError("cannot start \(path): error \(rc)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let out = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), out)
    }

    /// Environment for the console: a pinned UTF-8 locale and a common terminal type.
    var consoleEnvironment: [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env["TERM"] = "xterm-256color"
        env["ADVISOR_DB"] = dbPath
        env["TZ"] = "Asia/Shanghai"
        env.removeValue(forKey: "TMUX")
        return env
    }

    /// Prepares a demo shop in the session's database.
    func makeDemoShop() throws {
        let r = try Self.run(Self.advisorPath, ["demo", "--db", dbPath], environment: consoleEnvironment)
        guard r.status == 0 else { throw E2EError("advisor demo failed (\(r.status)): \(r.out)") }
    }

    /// Starts a shell in a new tmux session (so the terminal can be inspected after the console exits).
    func startShell() throws {
        let shellCommand = "env SWIFT_BACKTRACE=interactive=no LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color TZ=Asia/Shanghai ADVISOR_DB='\(dbPath)' PS1='$ ' sh"
        let r = try Self.run(Self.tmuxPath, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                                             "-s", "main", shellCommand], environment: consoleEnvironment)
        guard r.status == 0 else { throw E2EError("tmux new-session failed with status \(r.status)") }
        if let pid = try? Self.run(Self.tmuxPath, ["-L", socket, "display-message", "-p", "#{pid}"]).out,
           let value = pid_t(pid.trimmingCharacters(in: .whitespacesAndNewlines)) {
            serverPID = value
        }
        _ = try? Self.run(Self.tmuxPath, ["-L", socket, "set-option", "-g", "status", "off"])
        _ = try? Self.run(Self.tmuxPath, ["-L", socket, "resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
        try waitFor("$")
    }

    /// Types a line into the shell.
    func shell(_ line: String) throws {
        try sendLiteral(line)
        try sendKeys("Enter")
    }

    /// Starts the console from the shell.
    func startConsole(arguments: String = "") throws {
        try shell("'\(Self.advisorPath)' \(arguments)")
    }

    func sendKeys(_ keys: String...) throws {
        let r = try Self.run(Self.tmuxPath, ["-L", socket, "send-keys", "-t", "main"] + keys)
        guard r.status == 0 else { throw E2EError("send-keys failed: \(r.out)") }
    }

    /// Types text exactly (no key-name interpretation), including Chinese.
    func sendLiteral(_ text: String) throws {
        let r = try Self.run(Self.tmuxPath, ["-L", socket, "send-keys", "-t", "main", "-l", text])
        guard r.status == 0 else { throw E2EError("send-keys -l failed: \(r.out)") }
    }

    func capture() throws -> String {
        try Self.run(Self.tmuxPath, ["-L", socket, "capture-pane", "-p", "-t", "main"]).out
    }

    func resize(width: Int, height: Int) throws {
        self.width = width
        self.height = height
        let r = try Self.run(Self.tmuxPath, ["-L", socket, "resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
        guard r.status == 0 else { throw E2EError("resize failed: \(r.out)") }
    }

    /// Waits until the screen contains `text` (10 s by default); fails with the screen when it does not.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10) throws -> String {
        try waitUntil(timeout: timeout, description: "'\(text)'") { $0.contains(text) }
    }

    @discardableResult
    func waitUntil(timeout: TimeInterval = 10, description: String, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if predicate(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw E2EError("timed out waiting for \(description); screen was:\n\(screen)")
    }

    /// The pid of the console running on this session's database (found through /proc).
    func consolePID() throws -> Int32 {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = Int32(entry),
                  let cmdline = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                  let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") else { continue }
            let args = cmdline.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let exe = args.first, exe.hasSuffix("/advisor"), !args.contains("demo") else { continue }
            if String(decoding: environ, as: UTF8.self).contains(dbPath) { return pid }
        }
        throw E2EError("console process not found")
    }
}

struct E2EError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
