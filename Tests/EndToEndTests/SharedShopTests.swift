import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two real OS users share one shop after `advisor setup-shared`: every file either of them makes
/// beside the database (WAL, -shm, lock file, backups) keeps the shop's group and 0660/02770, nobody
/// outside the group gets in, `advisor check` says when permissions are too open, and a restore is
/// allowed only to the shop's admins (or, over a file that does not open, to its owner with --force).
/// Runs as root: creates the `advtest-share*` users and the `advtest-shop` group if missing.
@Suite(.serialized)
struct SharedShopTests {
    static let group = "advtest-shop"
    static let admin = "advtest-share1"
    static let manager = "advtest-share2"
    static let outsider = "advtest-shareout"

    static func ensureAccounts() throws {
        if getgrnam(group) == nil { try TmuxSession.run("/usr/sbin/groupadd", [group]) }
        for (login, inGroup) in [(admin, true), (manager, true), (outsider, false)] where getpwnam(login) == nil {
            try TmuxSession.run("/usr/sbin/useradd", ["-M", "-s", "/bin/sh"] + (inGroup ? ["-G", group] : []) + [login])
        }
        #expect(getgrnam(group) != nil && getpwnam(admin) != nil && getpwnam(outsider) != nil)
    }

    /// `advisor ARGS` as the OS user `login` (runuser; the process's real uid is that user).
    static func advisor(_ login: String, _ args: [String], binary: String) throws -> (status: Int32, out: String) {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env["LC_ALL"] = "C.UTF-8"
        env.removeValue(forKey: "ADVISOR_LANG")
        return try TmuxSession.run("/usr/sbin/runuser", ["-u", login, "--", binary] + args, environment: env)
    }

    static func mode(_ path: String) -> (mode: mode_t, group: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return (0, "?") }
        return (info.st_mode & 0o7777, getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "?")
    }

    @Test func twoDesksShareOneShopAndEveryFileKeepsTheGroup() throws {
        guard getuid() == 0 else { return }
        try Self.ensureAccounts()
        let folder = try ScratchFolder("shared-shop")
        chmod(folder.url.path, 0o755)
        // The binary where the test users can run it.
        let binary = folder.path("advisor")
        // Copied by cp, not by this process: a child forked meanwhile by another test would inherit the
        // open file and make running it fail with "Text file busy".
        #expect(try TmuxSession.run("/bin/cp", [TmuxSession.advisorPath, binary]).status == 0)
        chmod(binary, 0o755)
        let home = folder.path("home")
        mkdir(home, 0o755)
        chown(home, getpwnam(Self.admin)!.pointee.pw_uid, gid_t.max)
        let db = home + "/shop/shop.db"

        var r = try Self.advisor(Self.admin, ["staff", "list", "--db", db], binary: binary)
        #expect(r.status == 0, "\(r.out)")
        #expect(Self.mode(home + "/shop").mode == 0o700 && Self.mode(db).mode == 0o600, "not shared yet: owner-only")
        r = try Self.advisor(Self.admin, ["staff", "add", Self.manager, "--name", "钱经理", "--role", "manager", "--db", db],
                             binary: binary)
        #expect(r.status == 0, "\(r.out)")
        // Before sharing, the second desk cannot even open the shop.
        r = try Self.advisor(Self.manager, ["staff", "list", "--db", db], binary: binary)
        #expect(r.status != 0)

        r = try Self.advisor(Self.manager, ["setup-shared", "--group", Self.group, "--db", db], binary: binary)
        #expect(r.status != 0 && Self.mode(db).mode == 0o600, "only the owner sets up sharing: \(r.out)")
        r = try Self.advisor(Self.admin, ["setup-shared", "--group", Self.group, "--db", db], binary: binary)
        #expect(r.status == 0, "\(r.out)")

        // The second desk starts first today: it makes the backups folder and a backup...
        r = try Self.advisor(Self.manager, ["backup", "--db", db], binary: binary)
        #expect(r.status == 0, "\(r.out)")
        r = try Self.advisor(Self.manager, ["import", "--db", db, try Self.csv(folder)], binary: binary)
        #expect(r.status == 0, "\(r.out)")
        // ...and the admin's next backup goes into it.
        r = try Self.advisor(Self.admin, ["backup", "--db", db], binary: binary)
        #expect(r.status == 0, "the admin's backup beside the desk's: \(r.out)")

        var seen: [String] = []
        for (dir, isBackups) in [(home + "/shop", false), (home + "/shop/backups", true)] {
            let (dirMode, dirGroup) = Self.mode(dir)
            #expect(dirMode == 0o2770 && dirGroup == Self.group, "\(dir): \(String(dirMode, radix: 8)) \(dirGroup)")
            for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
                let path = dir + "/" + name
                var info = stat()
                lstat(path, &info)
                if info.st_mode & S_IFMT == S_IFDIR { continue }
                let (fileMode, fileGroup) = Self.mode(path)
                #expect(fileMode == 0o660 && fileGroup == Self.group, "\(path): \(String(fileMode, radix: 8)) \(fileGroup)")
                seen.append(isBackups ? "backup" : name)
            }
        }
        #expect(seen.contains("shop.db") && seen.contains("shop.db.lock") && seen.filter { $0 == "backup" }.count == 2,
                "files checked: \(seen)")

        r = try Self.advisor(Self.manager, ["check", "--db", db], binary: binary)
        #expect(r.status == 0 && !r.out.contains("Warning"), "\(r.out)")
        r = try Self.advisor(Self.outsider, ["check", "--db", db], binary: binary)
        #expect(r.status != 0, "a user outside the group must not open the shop: \(r.out)")
        chmod(db, 0o664)
        r = try Self.advisor(Self.manager, ["check", "--db", db], binary: binary)
        #expect(r.out.contains("Warning: \(db) is open to every user"), "\(r.out)")
        chmod(db, 0o660)

        // Restore: a manager is not an admin; over a file that no longer opens, only its owner with --force.
        let backup = try #require(try FileManager.default.contentsOfDirectory(atPath: home + "/shop/backups").sorted().first)
        let backupPath = home + "/shop/backups/" + backup
        r = try Self.advisor(Self.manager, ["restore", "--db", db, backupPath], binary: binary)
        #expect(r.status != 0 && r.out.lowercased().contains("admin"), "\(r.out)")
        let damaged = FileHandle(forWritingAtPath: db)!
        try damaged.write(contentsOf: Data(repeating: 0x41, count: 16))
        try damaged.close()
        r = try Self.advisor(Self.manager, ["restore", "--db", db, backupPath], binary: binary)
        #expect(r.status != 0 && r.out.contains("--force"), "\(r.out)")
        r = try Self.advisor(Self.manager, ["restore", "--force", "--db", db, backupPath], binary: binary)
        #expect(r.status != 0 && r.out.contains("Only the file's owner (\(Self.admin))"), "\(r.out)")
        r = try Self.advisor(Self.admin, ["restore", "--force", "--db", db, backupPath], binary: binary)
        #expect(r.status == 0 && r.out.contains("will not be in the restored shop"), "\(r.out)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)).prefix(16) == Data("SQLite format 3\u{0}".utf8))
        r = try Self.advisor(Self.manager, ["check", "--db", db], binary: binary)
        #expect(r.status == 0 && !r.out.contains("Warning"), "the restored file keeps the group: \(r.out)")
    }

    static func csv(_ folder: ScratchFolder) throws -> String {
        let path = folder.path("desk.csv")
        try "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\n王芳,13800138000,no,no,粤A12345,,朗逸,,,,\n"
            .write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o644)
        return path
    }
}

/// Every command closes its database before exiting: a copy of the .db file alone holds its change.
struct CommandsCloseTheDatabaseTests {
    @Test func aCopyOfTheFileAfterACommandHoldsItsChange() throws {
        let folder = try ScratchFolder("close-on-exit")
        let db = folder.path("shop.db")
        let login = String(cString: getpwuid(getuid())!.pointee.pw_name)
        var r = try runAdvisor(["staff", "list", "--db", db], user: login, in: folder)
        #expect(r.status == 0, "\(r.out)")
        r = try runAdvisor(["staff", "add", "advtest-copy", "--name", "复制", "--role", "advisor", "--db", db], user: login,
                           in: folder)
        #expect(r.status == 0, "\(r.out)")
        let copy = folder.path("copy/shop.db")
        mkdir(folder.path("copy"), 0o700)
        try FileManager.default.copyItem(atPath: db, toPath: copy)
        r = try runAdvisor(["staff", "list", "--db", copy], user: login, in: folder)
        #expect(r.status == 0 && r.out.contains("advtest-copy"), "the copy lacks the change: \(r.out)")
    }
}
