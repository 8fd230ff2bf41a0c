import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A child process started with posix_spawn (so it can be SIGKILLed at a moment the test picks),
/// its output going to a file.
struct ChildProcess {
    let pid: pid_t
    let outputPath: String

    static func start(_ path: String, _ args: [String], environment: [String: String]? = nil,
                      outputPath: String, stdinPath: String = "/dev/null") throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdinPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var env = environment ?? ProcessInfo.processInfo.environment
        env["SWIFT_BACKTRACE"] = "enable=no"
        let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { envp.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, envp)
        guard rc == 0 else { throw E2EError("cannot start \(path): error \(rc)") }
        return ChildProcess(pid: pid, outputPath: outputPath)
    }

    /// Sends SIGKILL and reaps the child. Returns true when the kill (not an exit) ended it.
    @discardableResult
    func kill() -> Bool {
        Glibc.kill(pid, SIGKILL)
        return wait().killed
    }

    /// Waits for the child to end: its exit status, or whether a signal ended it.
    func wait() -> (status: Int32, killed: Bool) {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let signaled = status & 0x7F != 0 && status & 0x7F != 0x7F
        return (signaled ? 128 + (status & 0x7F) : (status >> 8) & 0xFF, signaled)
    }

    var output: String { (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" }
}

/// Runs `advisor ARGS` to completion as the OS account `user` (a real login: `OSUsers.ensure`), with `input`
/// on standard input; returns the exit status and the combined output. `$USER` and `$LOGNAME` say
/// `shopadmin` on every run: the binary must take the account from its uid, never from them.
func runAdvisor(_ args: [String], user: String, input: String = "", environment extra: [String: String] = [:],
                in folder: ScratchFolder) throws -> (status: Int32, out: String) {
    let id = UUID().uuidString
    let stdinPath = folder.path("stdin-\(id)")
    try input.write(toFile: stdinPath, atomically: true, encoding: .utf8)
    chmod(stdinPath, 0o644)
    var env = ProcessInfo.processInfo.environment
    env["USER"] = "shopadmin"
    env["LOGNAME"] = "shopadmin"
    env["HOME"] = folder.url.path
    env["LANG"] = "C.UTF-8"
    env["LC_ALL"] = "C.UTF-8"
    env.removeValue(forKey: "ADVISOR_LANG")
    env.merge(extra) { $1 }
    let command = OSUsers.command(as: user, TmuxSession.advisorPath, args)
    let child = try ChildProcess.start(command.path, command.args, environment: env,
                                       outputPath: folder.path("out-\(id)"), stdinPath: stdinPath)
    let result = child.wait()
    return (result.status, child.output)
}

/// A temporary folder for a test's database and files, removed afterwards. Open to the test's OS accounts
/// (`share`), since `runAdvisor` runs the binary as them.
final class ScratchFolder {
    let url: URL
    init(_ name: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("advisor-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try OSUsers.share(folder: url.path)
    }

    /// The shop file `name` in this folder, made readable and writable by every test account.
    func sharedDatabase(_ name: String = "shop.db") throws -> String {
        let db = path(name)
        try OSUsers.share(folder: url.path, database: db)
        return db
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Counts reported at the end of the robustness tests (read by the note on issue 8).
enum RobustnessReport {
    static func print(_ line: String) {
        FileHandle.standardError.write(Data("[robustness] \(line)\n".utf8))
    }

    static func environmentInt(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap(Int.init) ?? value
    }
}
