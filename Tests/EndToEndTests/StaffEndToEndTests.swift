import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// The staff commands, the start-up checks and the backup commands, through the real binary.
@Suite(.serialized)
struct StaffEndToEndTests {
    @Test func firstRunAdminAddsStaffAndOthersAreRefusedWithTheRoleNeeded() throws {
        let folder = try ScratchFolder("staff")
        let db = try folder.sharedDatabase()
        let wangfang = try OSUsers.ensure("wangfang"), lina = try OSUsers.ensure("lina")
        let zhaolei = try OSUsers.ensure("zhaolei")

        let first = try runAdvisor(["staff", "list", "--db", db], user: wangfang, in: folder)
        #expect(first.status == 0, "\(first.out)")
        #expect(first.out.contains("First use of this shop's database: the login \(wangfang) is now its admin"), "\(first.out)")
        #expect(first.out.contains("\(wangfang)\tAdvisor test wangfang\tadmin\tactive\t-"), "\(first.out)")

        let added = try runAdvisor(["staff", "add", lina, "--db", db, "--name", "李娜", "--role", "advisor,reception"],
                                   user: wangfang, in: folder)
        #expect(added.status == 0, "\(added.out)")
        #expect(added.out.contains("Added 李娜 (login \(lina), roles: reception, advisor)"))

        // An advisor may not add staff: the refusal names the role needed.
        let refused = try runAdvisor(["staff", "add", "mole", "--db", db, "--name", "内鬼", "--role", "admin"],
                                     user: lina, in: folder)
        #expect(refused.status != 0)
        #expect(refused.out.contains("Not allowed to manage staff: this needs the admin role"), "\(refused.out)")

        // An OS user who is not on the list is told who can add them, and nothing else happens.
        let stranger = try runAdvisor(["staff", "list", "--db", db], user: zhaolei, in: folder)
        #expect(stranger.status != 0)
        #expect(stranger.out.contains("advisor staff add \(zhaolei)"), "\(stranger.out)")
        #expect(stranger.out.contains("Advisor test wangfang"))
        #expect(!stranger.out.contains("李娜"), "the staff list must not be shown to an unknown user")

        // Bad input is refused with a clear message and stores nothing.
        let badRole = try runAdvisor(["staff", "add", "x1", "--db", db, "--name", "某人", "--role", "boss"],
                                     user: wangfang, in: folder)
        #expect(badRole.status != 0 && badRole.out.contains("--role takes"))
        let badLogin = try runAdvisor(["staff", "add", "x\u{1B}[2J", "--db", db, "--name", "某人", "--role", "advisor"],
                                      user: wangfang, in: folder)
        #expect(badLogin.status != 0 && !badLogin.out.contains("\u{1B}"))
        let duplicate = try runAdvisor(["staff", "add", lina, "--db", db, "--name", "另一个李娜", "--role", "advisor"],
                                       user: wangfang, in: folder)
        #expect(duplicate.status != 0 && duplicate.out.contains(lina))
        let store = try AppDatabase.open(path: db)
        #expect(try store.allStaff().map(\.login).sorted() == [lina, wangfang])
    }

    @Test func pinIsStoredOnlyAsAYescryptHashAndChecks() throws {
        let folder = try ScratchFolder("pin")
        let db = try folder.sharedDatabase()
        let boss = try OSUsers.ensure("boss"), desk1 = try OSUsers.ensure("desk1")
        _ = try runAdvisor(["staff", "add", desk1, "--db", db, "--name", "前台一", "--role", "reception"], user: boss, in: folder)

        let weak = try runAdvisor(["staff", "set-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "123456\n", in: folder)
        #expect(weak.status != 0 && weak.out.contains("too easy"), "\(weak.out)")
        // Four digits fall to an offline search in minutes: new PINs need six.
        let short = try runAdvisor(["staff", "set-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "2580\n", in: folder)
        #expect(short.status != 0 && short.out.contains("The PIN needs 6 to 8 digits (got 4)"), "\(short.out)")
        let set = try runAdvisor(["staff", "set-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "258013\n", in: folder)
        #expect(set.status == 0, "\(set.out)")

        let store = try AppDatabase.open(path: db)
        let staff = try #require(try store.staff(login: desk1))
        let hash = try #require(try store.staffPINHash(staffID: staff.id!))
        #expect(hash.hasPrefix("$y$"), "yescrypt: \(hash)")
        #expect(!hash.contains("258013"))
        // A second hash of the same PIN differs (fresh salt).
        _ = try runAdvisor(["staff", "set-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "258013\n", in: folder)
        #expect(try store.staffPINHash(staffID: staff.id!) != hash)
        // The audit says the PIN changed, never what it is.
        let audit = try store.auditEntries(entity: "staff", entityID: staff.id)
        #expect(audit.contains { $0.action == "pinSet" })
        #expect(!audit.contains { $0.detail.contains("258013") || $0.detail.contains("$y$") })

        #expect(try runAdvisor(["staff", "check-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "258013\n", in: folder).status == 0)
        #expect(try runAdvisor(["staff", "check-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "258014\n", in: folder).status == 1)
        // check-pin is an admin's tool: a clerk cannot use it to guess, and the refusal names the role.
        let guess = try runAdvisor(["staff", "check-pin", boss, "--db", db, "--pin-stdin"], user: desk1, input: "111111\n", in: folder)
        #expect(guess.status != 0 && guess.out.contains("admin role"), "\(guess.out)")

        // Only admins set other people's PINs.
        let other = try runAdvisor(["staff", "set-pin", boss, "--db", db, "--pin-stdin"], user: desk1, input: "739104\n", in: folder)
        #expect(other.status != 0 && other.out.contains("admin"))
    }

    /// A PIN set before the 6-digit rule (4 digits, no digits on record) keeps working and is flagged.
    @Test func anOldFourDigitPINKeepsWorkingAndIsFlagged() throws {
        let folder = try ScratchFolder("old-pin")
        let db = try folder.sharedDatabase()
        let boss = try OSUsers.ensure("boss"), desk1 = try OSUsers.ensure("desk1")
        _ = try runAdvisor(["staff", "add", desk1, "--db", db, "--name", "前台一", "--role", "reception"], user: boss, in: folder)
        // yescrypt of "2580" (made with libxcrypt's crypt() and a fixed salt).
        let old = "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$e.Gex5zFF5zojQe04K3q3pNy/lyRf/1Mhk2oJ/58xL6"
        let store = try AppDatabase.open(path: db)
        let staff = try #require(try store.staff(login: desk1))
        // As the earlier version stored it: the hash only.
        try store.setStaffPINHash(staffID: staff.id!, hash: old,
                                  operator: Operator(staffID: nil, name: "setup"), now: Date())
        try store.close()
        #expect(try runAdvisor(["staff", "check-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "2580\n", in: folder).status == 0)
        let list = try runAdvisor(["staff", "list", "--db", db], user: boss, in: folder)
        #expect(list.out.contains("\(desk1)\t前台一\treception\tactive\tset (old short PIN: change it to 6+ digits)"), "\(list.out)")
        _ = try runAdvisor(["staff", "set-pin", desk1, "--db", db, "--pin-stdin"], user: boss, input: "258013\n", in: folder)
        let after = try runAdvisor(["staff", "list", "--db", db], user: boss, in: folder)
        #expect(after.out.contains("\(desk1)\t前台一\treception\tactive\tset\n"), "\(after.out)")
    }

    @Test func pinIsTypedWithoutEchoOnTheTerminal() throws {
        let session = try TmuxSession(width: 100, height: 20)
        _ = try TmuxSession.run(TmuxSession.advisorPath, ["staff", "list", "--db", session.dbPath], environment: session.consoleEnvironment)
        try session.startShell()
        try session.shell("'\(TmuxSession.advisorPath)' staff set-pin \"$(id -un)\" --db '\(session.dbPath)'")
        try session.waitFor("New PIN:")
        try session.sendLiteral("739150")
        try session.sendKeys("Enter")
        try session.waitFor("Again:")
        try session.sendLiteral("739150")
        try session.sendKeys("Enter")
        let screen = try session.waitFor("PIN set for")
        #expect(!screen.contains("739150"), "the PIN was echoed:\n\(screen)")
        // The terminal is back to echoing afterwards.
        try session.shell("echo visible-again")
        try session.waitFor("visible-again\n")
    }

    @Test func consoleRefusesAnUnknownUserBeforeDrawingAndBacksUpOnFirstStart() throws {
        let session = try TmuxSession(width: 120, height: 30)
        try session.makeDemoShop()
        try session.startShell()
        // A real OS account not on the staff list (whatever $USER says: here it still says root's name).
        let stranger = try OSUsers.ensure("stranger")
        try OSUsers.share(folder: session.workDir.path, database: session.dbPath)
        try session.shell("\(OSUsers.shellPrefix(as: stranger))'\(TmuxSession.advisorPath)' --lang en")
        let refusal = try session.waitFor("advisor staff add \(stranger)")
        #expect(refusal.contains("is not on this shop's staff list"))
        try session.waitFor("$ ")

        // The demo's creator is its admin; the first start of the day makes a backup.
        let backups = session.workDir.appendingPathComponent("backups").path
        #expect(AppDatabase.backups(in: backups).isEmpty)
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
        let made = AppDatabase.backups(in: backups)
        #expect(made.count == 1)
        let mode = (try FileManager.default.attributesOfItem(atPath: made[0])[.posixPermissions] as? NSNumber)?.intValue
        // The folder was shared with the stranger's account above (setgid), so the backup is the group's.
        #expect(FileModes.isShared(folder: session.workDir.path) && mode == 0o660)
        // A second start the same day makes no second backup.
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
        #expect(AppDatabase.backups(in: backups).count == 1)
    }

    /// Today's backup runs beside the console: the first frame does not wait for it, and when it fails
    /// (here a file stands where the backups folder goes) the status line says so.
    @Test func aFailedDailyBackupIsShownWithoutHoldingTheConsole() throws {
        let session = try TmuxSession(width: 120, height: 30)
        try session.makeDemoShop()
        let backups = session.workDir.appendingPathComponent("backups").path
        try "not a folder".write(toFile: backups, atomically: true, encoding: .utf8)
        try session.startShell()
        try session.startConsole(arguments: "--lang en")
        try session.waitFor("Find: ")
        let screen = try session.waitFor("Today's automatic backup failed")
        #expect(!screen.contains("advisor-2026"))
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
    }

    @Test func backupAndRestoreCommands() throws {
        let folder = try ScratchFolder("backup")
        let db = try folder.sharedDatabase()
        let boss = try OSUsers.ensure("boss"), lina = try OSUsers.ensure("lina")
        _ = try runAdvisor(["staff", "add", lina, "--db", db, "--name", "李娜", "--role", "advisor"], user: boss, in: folder)

        let advisorTry = try runAdvisor(["backup", "--db", db], user: lina, in: folder)
        #expect(advisorTry.status != 0 && advisorTry.out.contains("manager"), "\(advisorTry.out)")

        let made = try runAdvisor(["backup", "--db", db], user: boss, in: folder)
        #expect(made.status == 0, "\(made.out)")
        let file = try #require(AppDatabase.backups(in: folder.path("backups")).first)
        #expect(made.out.contains(file))

        _ = try runAdvisor(["staff", "add", "later", "--db", db, "--name", "后来者", "--role", "reception"], user: boss, in: folder)
        let junk = folder.path("junk.db")
        try "not a backup".write(toFile: junk, atomically: true, encoding: .utf8)
        let bad = try runAdvisor(["restore", junk, "--db", db], user: boss, in: folder)
        #expect(bad.status != 0 && bad.out.contains("not an Advisor database"), "\(bad.out)")

        let restored = try runAdvisor(["restore", file, "--db", db], user: boss, in: folder)
        #expect(restored.status == 0, "\(restored.out)")
        #expect(restored.out.contains("The replaced database was kept as"))
        let store = try AppDatabase.open(path: db)
        #expect(try store.allStaff().map(\.login).sorted() == [boss, lina])
    }

    @Test func sharedDeskSwitchesOperatorWithAPIN() throws {
        let session = try TmuxSession(width: 120, height: 30)
        try session.makeDemoShop()
        // The demo's creator (the OS account running the tests) is its admin.
        let env = session.consoleEnvironment
        let set = try TmuxSession.run("/bin/sh", ["-c", "echo 739146 | '\(TmuxSession.advisorPath)' staff set-pin lina --pin-stdin --db '\(session.dbPath)'"],
                                      environment: env)
        #expect(set.status == 0, "\(set.out)")
        try session.startShell()
        try session.startConsole(arguments: "--lang en --as lina")
        try session.waitFor("PIN for 李娜:")
        try session.sendLiteral("0000")
        try session.sendKeys("Enter")
        let refused = try session.waitFor("Wrong login or PIN")
        #expect(!refused.contains("0000"))
        try session.startConsole(arguments: "--lang en --as lina")
        // The first prompt is still on screen: wait for the second one.
        try session.waitUntil(description: "a second PIN prompt") { $0.components(separatedBy: "PIN for 李娜:").count == 3 }
        try session.sendLiteral("739146")
        try session.sendKeys("Enter")
        let screen = try session.waitFor("Find: ")
        #expect(screen.contains("李娜"), "the operator shown should be 李娜:\n\(screen)")
        try session.sendKeys("C-q")
        try session.waitFor("$ ")
        // Both attempts are in the trail under the OS login, without the PIN.
        let store = try AppDatabase.open(path: session.dbPath)
        defer { try? store.close() }
        let trail = try store.auditEntries(entity: "staff", entityID: nil)
            .filter { $0.action.hasPrefix("switch") }
        #expect(trail.map(\.action) == ["switchOperator", "switchRefused"])
        #expect(trail.allSatisfy { $0.detail.contains("lina") && !$0.detail.contains("739146") && !$0.detail.contains("0000") })
    }
}
