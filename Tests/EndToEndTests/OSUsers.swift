import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Real OS accounts for the tests: the operator is whoever the OS says runs the process, so a test that needs
/// a reception clerk and an admin needs two accounts. The tests run as root; accounts are named `advtest-…`,
/// made once (idempotent, safe when several test processes make the same one) and left for the next run.
enum OSUsers {
    static let prefix = "advtest-"
    private static let creating = NSLock()

    /// The login of the test account for `name` (`advtest-name`), created when missing.
    @discardableResult
    static func ensure(_ name: String) throws -> String {
        let login = prefix + name
        creating.lock()
        defer { creating.unlock() }
        for attempt in 0..<20 {
            if getpwnam(login) != nil { break }
            guard getuid() == 0 else { throw E2EError("the tests run as root to create the OS account \(login)") }
            let made = try TmuxSession.run("/usr/sbin/useradd", ["-M", "-U", "-s", "/usr/sbin/nologin",
                                                                  "-c", "Advisor test \(name)", login])
            // 9: made meanwhile by another test process; 10: /etc/passwd is locked by one, try again.
            if made.status == 0 || made.status == 9 { continue }
            guard made.status == 10, attempt < 19 else {
                throw E2EError("useradd \(login) failed (\(made.status)): \(made.out)")
            }
            usleep(100_000)
        }
        guard getpwnam(login) != nil else { throw E2EError("the OS account \(login) could not be made") }
        try joinDesks(login)
        return login
    }

    /// The group every test account belongs to: a scratch folder is set up as a shared shop for it (setgid),
    /// so the files any account creates there (the lock file, WAL, backups) are the group's, as in a real
    /// shared shop, instead of one account's own.
    static let desks = "advtest-desks"

    private static func joinDesks(_ login: String) throws {
        for attempt in 0..<20 {
            if let group = getgrnam(desks) {
                var member = group.pointee.gr_mem
                while let name = member?.pointee {
                    if String(cString: name) == login { return }
                    member = member?.advanced(by: 1)
                }
            }
            let made = getgrnam(desks) == nil
                ? try TmuxSession.run("/usr/sbin/groupadd", ["-f", desks])
                : try TmuxSession.run("/usr/sbin/usermod", ["-aG", desks, login])
            // 10 (usermod) / 10 (groupadd): /etc/group is locked by another test process, try again.
            if made.status != 0 && (made.status != 10 || attempt == 19) {
                throw E2EError("adding \(login) to \(desks) failed (\(made.status)): \(made.out)")
            }
            if made.status != 0 { usleep(100_000) }
        }
        throw E2EError("\(login) could not join \(desks)")
    }

    /// The login of the account running the tests (root), as the binary will resolve it.
    static var current: String { String(cString: getpwuid(getuid())!.pointee.pw_name) }

    /// The command line that runs `path args` as `login` (from root), keeping the environment as given:
    /// `setpriv` changes the real and effective ids and groups and nothing else, so a `$USER` left saying
    /// root (or anything) must not matter.
    static func command(as login: String, _ path: String, _ args: [String]) -> (path: String, args: [String]) {
        if login == current { return (path, args) }
        return ("/usr/bin/setpriv", ["--reuid=\(login)", "--regid=\(login)", "--init-groups", "--", path] + args)
    }

    /// Same as `command`, as one line for a shell in tmux.
    static func shellPrefix(as login: String) -> String {
        login == current ? "" : "setpriv --reuid=\(login) --regid=\(login) --init-groups -- "
    }

    /// Lets every test account use `folder` and the shop file in it: in the shared setup their group does
    /// this, here the scratch folder is simply open to all (it lives under /tmp, removed afterwards).
    static func share(folder: String, database: String? = nil) throws {
        if getuid() == 0 {
            if getgrnam(desks) == nil { _ = try TmuxSession.run("/usr/sbin/groupadd", ["-f", desks]) }
            if let group = getgrnam(desks) { chown(folder, uid_t.max, group.pointee.gr_gid) }
        }
        // setgid: what the accounts create here is the group's (0660/2770, as `advisor setup-shared` makes it).
        chmod(folder, 0o2777)
        if let database {
            if !FileManager.default.fileExists(atPath: database) {
                let created = Glibc.open(database, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
                guard created >= 0 else { throw E2EError("cannot create \(database)") }
                Glibc.close(created)
            }
            // A process that did not close the file leaves its WAL and shared-memory index beside it.
            for suffix in ["", "-wal", "-shm", ".lock"] where FileManager.default.fileExists(atPath: database + suffix) {
                chmod(database + suffix, 0o666)
            }
        }
    }
}
