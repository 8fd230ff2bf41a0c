import Foundation
import ServiceDomain
import ServiceStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A shared shop from the first key: the file's owner runs `advisor setup-shared --group`, then a second real
/// OS user of the shop's group runs the console, checks a car in (the work order is printed), takes it through
/// the workshop and delivers it (the delivery summary is written). Every file and folder that appeared beside
/// the database (the database, its WAL and -shm, the lock file, the first start's backup, the work order, the
/// summary, their folders) belongs to the shop's group with 0660 / 02770, and a user outside the group can
/// read none of them. Runs as root (makes `advtest-*` accounts).
@Suite(.serialized) struct SharedDeskFilesEndToEndTests {
    static let group = OSUsers.desks

    /// A real account that is in no group of the shop.
    static func outsider() throws -> String {
        let login = "advtest-nodesk"
        if getpwnam(login) == nil {
            let made = try TmuxSession.run("/usr/sbin/useradd", ["-M", "-U", "-s", "/usr/sbin/nologin", login])
            guard made.status == 0 || made.status == 9 else { throw E2EError("useradd \(login): \(made.out)") }
        }
        return login
    }

    struct Entry: CustomStringConvertible {
        var path: String
        var owner: String
        var group: String
        var mode: mode_t
        var isFolder: Bool
        var description: String { "\(path) \(owner):\(group) \(String(mode, radix: 8))" }
    }

    /// Every file and folder under `folder`, itself included.
    static func entries(_ folder: String) -> [Entry] {
        var found: [Entry] = []
        func visit(_ path: String) {
            var info = stat()
            guard lstat(path, &info) == 0 else { return }
            let isFolder = info.st_mode & S_IFMT == S_IFDIR
            found.append(Entry(path: path,
                               owner: getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "\(info.st_uid)",
                               group: getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(info.st_gid)",
                               mode: info.st_mode & 0o7777, isFolder: isFolder))
            if isFolder {
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() {
                    visit(path + "/" + name)
                }
            }
        }
        visit(folder)
        return found
    }

    /// Checks owner, group and mode of everything in the shop's folder; returns the entries seen.
    @discardableResult
    static func expectShared(_ folder: String, owner: String, clerk: String, db: String) -> [Entry] {
        let all = entries(folder)
        for entry in all {
            #expect(entry.group == group, "\(entry)")
            #expect(entry.mode == (entry.isFolder ? 0o2770 : 0o660), "\(entry)")
            // The folder, database and lock file are the owner's (made before sharing); the WAL and -shm are
            // whoever opened the file first (here the owner's setup-shared); all else the desk made.
            if [db + "-wal", db + "-shm"].contains(entry.path) {
                #expect([owner, clerk].contains(entry.owner), "\(entry)")
            } else {
                let made = entry.path == db || entry.path == db + ".lock" || entry.path == folder ? owner : clerk
                #expect(entry.owner == made, "\(entry)")
            }
        }
        return all
    }

    @Test func aSecondDeskChecksInAndDeliversAndEveryFileStaysTheGroups() throws {
        guard getuid() == 0 else { return }
        let owner = try OSUsers.ensure("deskowner")
        let clerk = try OSUsers.ensure("deskclerk")
        let outsider = try Self.outsider()
        let session = try TmuxSession()
        let folder = session.workDir.path
        let db = session.dbPath

        // The shop as its owner would have it before sharing: staff (the clerk an advisor), a customer's car.
        do {
            let store = try AppDatabase.open(path: db, timeZone: TimeZone(identifier: "Asia/Shanghai")!)
            let now = Date()
            let setup = Operator(staffID: nil, name: "setup")
            _ = try store.saveStaff(Staff(login: owner, name: "郑建国", roles: [.admin, .manager]), operator: setup, now: now)
            _ = try store.saveStaff(Staff(login: clerk, name: "李娜", roles: [.manager, .advisor]), operator: setup, now: now)
            _ = try store.saveStaff(Staff(login: "liudm", name: "刘德明", roles: [.technician], skillLevel: 5),
                                    operator: setup, now: now)
            _ = try store.saveStaff(Staff(login: "liangzh", name: "梁振华", roles: [.workshopLead, .technician], skillLevel: 4),
                                    operator: setup, now: now)
            let customer = try store.saveCustomer(Customer(name: "王芳", phones: ["13812345678"]), operator: setup, now: now)
            _ = try store.saveVehicle(Vehicle(ownerID: customer.id!, vin: nil, plate: "粤A12345", model: "迈腾"),
                                      operator: setup, now: now)
            try store.close()
        }
        #expect(try TmuxSession.run("/bin/chown", ["-R", "\(owner):\(owner)", folder]).status == 0)
        chmod(folder, 0o700)
        let (path, args) = OSUsers.command(as: owner, TmuxSession.advisorPath,
                                           ["setup-shared", "--group", Self.group, "--db", db])
        let shared = try TmuxSession.run(path, args, environment: session.consoleEnvironment)
        #expect(shared.status == 0, "\(shared.out)")

        // The second desk's console: first start of the day (backup), check-in (work order), delivery (summary).
        try session.startShell()
        try session.shell("\(OSUsers.shellPrefix(as: clerk))'\(TmuxSession.advisorPath)' --lang en")
        try session.waitFor("Find: ")
        try session.sendKeys("F3")
        try session.waitFor("Check in: ")
        try session.sendLiteral("a12345")
        try session.waitFor("粤A·12345")
        try session.sendKeys("Enter")
        try session.waitFor("Mileage")
        try session.sendLiteral("21000")
        try session.sendKeys("Tab")
        try session.sendLiteral("刹车异响")
        try session.sendKeys("Tab")
        try session.sendLiteral("380")
        try session.sendKeys("Tab")
        try session.sendLiteral("120")
        try session.sendKeys("C-s")
        let saved = try session.waitFor(" saved")
        guard let range = saved.range(of: #"RO-\d{8}-\d{4}"#, options: .regularExpression) else {
            throw E2EError("no RO number on screen:\n\(saved)")
        }
        let number = String(saved[range])

        try session.sendKeys("F5")
        try session.waitFor(number)
        try session.sendKeys("t")
        try session.waitFor("Assign which technician?")
        try session.sendKeys("Enter")
        try session.waitFor("is now dispatched")
        try session.sendKeys("m", "Enter")
        try session.waitFor("is now in progress")
        try session.sendKeys("m", "Down", "Enter")
        try session.waitFor("is now quality check")
        try session.sendKeys("c", "Enter")
        try session.waitFor("Who inspected?")
        try session.sendKeys("Up", "Enter")
        try session.waitFor("QC passed")
        try session.sendKeys("m", "Down", "Down")
        try session.waitFor("Ready for pickup")
        try session.sendKeys("Enter")
        try session.waitFor("is now ready for pickup")
        try session.sendKeys("F6")
        try session.waitFor("Delivery checklist · \(number)")
        try session.sendKeys("Enter")
        for _ in 0..<8 { try session.sendKeys("Down", "Enter") }
        try session.waitUntil(description: "all items ticked") { !$0.contains("[ ]") }
        try session.sendKeys("d")
        try session.waitFor("delivered; follow-up call scheduled for")
        try session.waitFor("summary: ")

        let workOrder = folder + "/work-orders/\(number).txt"
        let summary = folder + "/deliveries/\(number).txt"
        let backups = folder + "/backups"
        // While the console is open: the WAL and -shm are there too.
        let open = Self.expectShared(folder, owner: owner, clerk: clerk, db: db)
        let names = Set(open.map(\.path))
        for expected in [db, db + "-wal", db + "-shm", db + ".lock", backups, folder + "/work-orders", workOrder,
                         folder + "/deliveries", summary] {
            #expect(names.contains(expected), "missing \(expected) in \(open)")
        }
        #expect(open.contains { $0.path.hasPrefix(backups + "/") && !$0.isFolder }, "no backup in \(open)")

        try session.sendKeys("C-q")
        try session.waitFor("$ ")
        let closed = Self.expectShared(folder, owner: owner, clerk: clerk, db: db)

        // Nobody outside the group reads any of it (nor lists a folder).
        for entry in closed {
            let (path, args) = OSUsers.command(as: outsider, "/bin/cat", [entry.path])
            let (lsPath, lsArgs) = OSUsers.command(as: outsider, "/bin/ls", [entry.path])
            let read = try TmuxSession.run(entry.isFolder ? lsPath : path, entry.isFolder ? lsArgs : args)
            #expect(read.status != 0, "\(outsider) read \(entry)")
        }
        // ...while the clerk, in the group, still reads the owner's database.
        let (catPath, catArgs) = OSUsers.command(as: clerk, "/usr/bin/head", ["-c", "16", db])
        #expect(try TmuxSession.run(catPath, catArgs).out.hasPrefix("SQLite format 3"))
    }
}
