import Foundation
import ServiceDomain
import ServiceStore
import Testing

/// Who the operator is cannot be typed: two real OS accounts, one an admin, one a reception clerk who sets
/// `$USER` and `$LOGNAME` to the admin's login.
@Suite(.serialized)
struct IdentityEndToEndTests {
    @Test func aClerkSettingUSERToTheAdminIsStillTheClerk() throws {
        let folder = try ScratchFolder("identity")
        let db = try folder.sharedDatabase()
        let admin = try OSUsers.ensure("shopadmin"), clerk = try OSUsers.ensure("clerk")
        let first = try runAdvisor(["staff", "add", clerk, "--db", db, "--name", "前台小李", "--role", "reception"],
                                   user: admin, in: folder)
        #expect(first.status == 0, "\(first.out)")
        let lie = ["USER": admin, "LOGNAME": admin]

        let export = folder.path("everyone.csv")
        let refused = try runAdvisor(["export", "--db", db, export], user: clerk, environment: lie, in: folder)
        #expect(refused.status != 0)
        #expect(refused.out.contains("your roles: reception"), "\(refused.out)")
        #expect(!FileManager.default.fileExists(atPath: export))
        let addAdmin = try runAdvisor(["staff", "add", "mole", "--db", db, "--name", "内鬼", "--role", "admin"],
                                      user: clerk, environment: lie, in: folder)
        #expect(addAdmin.status != 0 && addAdmin.out.contains("this needs the admin role"), "\(addAdmin.out)")

        // What the clerk may do is audited under the clerk, whatever $USER said.
        let csv = folder.path("new.csv")
        try "name,phones,out_of_warranty,used_car,plate,vin,model,purchase_date,warranty_end_date,warranty_end_km,notes\n诸葛明,13511112222,no,no,粤A9Z9Z9,,朗逸,,,,\n"
            .write(toFile: csv, atomically: true, encoding: .utf8)
        let imported = try runAdvisor(["import", "--db", db, csv], user: clerk, environment: lie, in: folder)
        #expect(imported.status == 0, "\(imported.out)")

        let store = try AppDatabase.open(path: db)
        defer { try? store.close() }
        #expect(try store.allStaff().map(\.login).sorted() == [admin, clerk].sorted())
        let clerkRecord = try #require(try store.staff(login: clerk))
        let trail = try store.auditEntries(entity: "customer", entityID: nil)
        let importRow = try #require(trail.first { $0.action == "import" })
        #expect(importRow.operatorID == clerkRecord.id && importRow.operatorName == "前台小李")
        #expect(!trail.contains { $0.action == "export" })
    }

    /// Five wrong PINs in a row lock the login; every failure and the lock are in the trail; the person at
    /// the desk is told until when, even with the right PIN; an admin's new PIN lifts the lock.
    @Test func fiveWrongPINsLockTheLoginWithAuditRows() throws {
        let session = try TmuxSession(width: 120, height: 30)
        try session.makeDemoShop()
        let env = session.consoleEnvironment
        func checkPIN(_ pin: String) throws -> (status: Int32, out: String) {
            try TmuxSession.run("/bin/sh", ["-c", "echo \(pin) | '\(TmuxSession.advisorPath)' staff check-pin lina --pin-stdin --db '\(session.dbPath)' 2>&1"],
                                environment: env)
        }
        let set = try TmuxSession.run("/bin/sh", ["-c", "echo 739146 | '\(TmuxSession.advisorPath)' staff set-pin lina --pin-stdin --db '\(session.dbPath)'"],
                                      environment: env)
        #expect(set.status == 0, "\(set.out)")
        for attempt in 1...5 {
            let wrong = try checkPIN("00000\(attempt)")
            #expect(wrong.status == 1, "attempt \(attempt): \(wrong.out)")
            #expect(wrong.out.contains("locked until") == (attempt == 5), "attempt \(attempt): \(wrong.out)")
        }
        let right = try checkPIN("739146")
        #expect(right.status == 2 && right.out.contains("Too many wrong PINs in a row for lina"), "\(right.out)")

        // At the desk: told before being asked for a PIN.
        try session.startShell()
        try session.startConsole(arguments: "--lang en --as lina")
        let screen = try session.waitFor("PIN entry is locked until")
        #expect(!screen.contains("PIN for 李娜:"))
        try session.waitFor("$ ")

        let store = try AppDatabase.open(path: session.dbPath)
        let lina = try #require(try store.staff(login: "lina"))
        let trail = try store.auditEntries(entity: "staff", entityID: lina.id).map(\.action)
        #expect(trail.filter { $0 == "pinRefused" }.count == 5)
        #expect(trail.filter { $0 == "pinLocked" }.count == 1)
        // The right PIN by check-pin and the desk's try, both while locked.
        #expect(trail.filter { $0 == "pinWhileLocked" }.count == 2)
        try store.close()

        let reset = try TmuxSession.run("/bin/sh", ["-c", "echo 739146 | '\(TmuxSession.advisorPath)' staff set-pin lina --pin-stdin --db '\(session.dbPath)'"],
                                        environment: env)
        #expect(reset.status == 0)
        #expect(try checkPIN("739146").status == 0)
    }

    /// 100 guesses from 10 processes at once: the count is in the file, so exactly the limit is tried.
    @Test func parallelGuessersShareOneCount() throws {
        let folder = try ScratchFolder("pin-race")
        let db = folder.path("shop.db")
        let me = OSUsers.current
        let desk = try OSUsers.ensure("desk1")
        _ = try runAdvisor(["staff", "add", desk, "--db", db, "--name", "前台一", "--role", "reception"], user: me, in: folder)
        let set = try runAdvisor(["staff", "set-pin", desk, "--db", db, "--pin-stdin"], user: me, input: "739146\n", in: folder)
        #expect(set.status == 0, "\(set.out)")
        let processes = 10, guessesEach = 10
        var tried = 0, locked = 0, other: [String] = []
        let start = Date()
        for round in 0..<guessesEach {
            var children: [ChildProcess] = []
            for p in 0..<processes {
                let input = folder.path("guess-\(round)-\(p)")
                try String(format: "%06d\n", 100_000 + round * processes + p).write(toFile: input, atomically: true, encoding: .utf8)
                children.append(try ChildProcess.start(TmuxSession.advisorPath,
                                                       ["staff", "check-pin", desk, "--db", db, "--pin-stdin"],
                                                       outputPath: folder.path("guess-out-\(round)-\(p)"), stdinPath: input))
            }
            for child in children {
                switch child.wait().status {
                case 1: tried += 1
                case 2: locked += 1
                default: other.append(child.output)
                }
            }
        }
        let seconds = Date().timeIntervalSince(start)
        RobustnessReport.print("PIN guessing: \(processes * guessesEach) guesses from \(processes) processes at once: "
            + "\(tried) tried before the lock, \(locked) refused as locked, \(other.count) other; "
            + String(format: "%.1f s", seconds))
        #expect(other.isEmpty, "\(other)")
        #expect(tried == PINLockPolicy.standard.failures)
        #expect(locked == processes * guessesEach - PINLockPolicy.standard.failures)
        let store = try AppDatabase.open(path: db)
        defer { try? store.close() }
        let staff = try #require(try store.staff(login: desk))
        let trail = try store.auditEntries(entity: "staff", entityID: staff.id, limit: 1_000).map(\.action)
        #expect(trail.filter { $0 == "pinRefused" }.count == tried)
        #expect(trail.filter { $0 == "pinLocked" }.count == 1)
        #expect(trail.filter { $0 == "pinWhileLocked" }.count == locked)
    }
}
