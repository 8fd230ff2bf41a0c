import ArgumentParser
import Foundation
import ServiceDomain
import ServiceStore

struct StaffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "staff",
        abstract: "The shop's staff: who may use the console and in which roles (admins add people and set PINs).",
        subcommands: [StaffAddCommand.self, StaffListCommand.self, StaffSetPINCommand.self, StaffCheckPINCommand.self])
}

private func say(_ message: Message) { print(message.text(CLILanguage.current)) }

private func stderr(_ message: Message) {
    FileHandle.standardError.write(Data((message.text(CLILanguage.current) + "\n").utf8))
}

/// Opens the database and resolves the person running the command (first run: becomes admin).
private func openAsOperator(_ database: DatabaseOptions) throws -> (AppDatabase, Staff) {
    let db = try database.open()
    let me = try OperatorIdentity.require(in: db, now: Date()) { stderr(OperatorIdentity.firstRunNotice($0)) }
    return (db, me)
}

/// `openAsOperator` for listing: read-only unless the staff list is empty (the first login then becomes
/// the admin, which is a write).
private func openReadOnlyAsOperator(_ database: DatabaseOptions) throws -> (AppDatabase, Staff) {
    let size = (try? FileManager.default.attributesOfItem(atPath: database.path)[.size] as? NSNumber)??.intValue ?? 0
    if size == 0 { return try openAsOperator(database) }
    let db = try database.openReadOnly()
    if try userFacing({ try db.allStaff() }).isEmpty {
        try? db.close()
        return try openAsOperator(database)
    }
    return (db, try OperatorIdentity.require(in: db, now: Date()))
}

private func userFacing<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as UserFacingError {
        throw CLIError(error.message)
    }
}

struct StaffAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff member mapped to an OS login (admin only).",
        discussion: "Roles: reception, advisor, technician, workshop-lead, manager, admin. Repeat --role or separate with commas.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The person's OS login (the name `whoami` prints on their desk).")
    var login: String

    @Option(help: "The person's name as colleagues know it.")
    var name: String

    @Option(name: .customLong("role"), parsing: .singleValue, help: "A role (repeatable, or comma-separated).")
    var roles: [String]

    @Option(help: "Technicians' skill level, 1 (junior) to 5 (master).")
    var skill: Int = 0

    func validate() throws {
        if parsedRoles() == nil {
            throw ValidationError("--role takes reception, advisor, technician, workshop-lead, manager or admin")
        }
        let clean = FreeText.sanitize(login)
        if clean.isEmpty || clean != login || login.contains(" ") || login.count > 64 {
            throw ValidationError("the login must be an OS user name: no spaces or control characters, at most 64 characters")
        }
    }

    func parsedRoles() -> Set<Role>? {
        var out: Set<Role> = []
        for part in roles.flatMap({ $0.split(separator: ",") }) {
            guard let role = Role.parse(String(part)) else { return nil }
            out.insert(role)
        }
        return out.isEmpty ? nil : out
    }

    func run() throws {
        let (db, me) = try openAsOperator(database)
        defer { try? db.close() }
        try OperatorIdentity.require(.manageStaff, me)
        let saved = try userFacing {
            try db.saveStaff(Staff(login: login, name: name, roles: parsedRoles() ?? [], skillLevel: skill),
                             operator: me.asOperator, now: Date())
        }
        let roleText = saved.roles.sorted()
        say(Message(zh: "已添加员工 \(saved.name)（登录名 \(saved.login)，角色：\(roleText.map(\.label.zh).joined(separator: "、"))）",
                    en: "Added \(saved.name) (login \(saved.login), roles: \(roleText.map(\.label.en).joined(separator: ", ")))"))
    }
}

struct StaffListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the staff and their roles.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let (db, _) = try openReadOnlyAsOperator(database)
        defer { try? db.close() }
        let zh = CLILanguage.current == .zhHans
        print(zh ? "登录名\t姓名\t角色\t状态\tPIN" : "login\tname\troles\tstatus\tPIN")
        for staff in try db.allStaff() {
            let roles = staff.roles.sorted().map { $0.label.text(CLILanguage.current) }.joined(separator: ",")
            let hasPIN = (try? db.staffPINHash(staffID: staff.id!)) != nil
            let status = staff.isActive ? (zh ? "在职" : "active") : (zh ? "停用" : "inactive")
            // A PIN set before the 6-digit rule may have 4 digits: flagged until its owner changes it.
            let digits = try db.staffPINDigits(staffID: staff.id!) ?? 0
            let short = hasPIN && digits < PINRule.minLength
            let pin = !hasPIN ? "-"
                : short ? (zh ? "已设（旧的短 PIN：请改为至少 \(PINRule.minLength) 位）" : "set (old short PIN: change it to \(PINRule.minLength)+ digits)")
                : (zh ? "已设" : "set")
            print("\(staff.login.isEmpty ? "-" : staff.login)\t\(staff.name)\t\(roles)\t\(status)\t\(pin)")
        }
    }
}

struct StaffSetPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Set a staff member's personal PIN for shared desks (admins for anyone; anyone for themselves).",
        discussion: "6 to 8 digits, not all the same nor a straight run. The PIN is read from the terminal without echo, asked twice, and stored only as a yescrypt hash; a new PIN also lifts a lock left by wrong PINs.")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The staff member's login.")
    var login: String

    @Flag(name: .customLong("pin-stdin"), help: "Read the PIN as one line from standard input (for scripts).")
    var pinFromStdin = false

    func run() throws {
        let (db, me) = try openAsOperator(database)
        defer { try? db.close() }
        guard let target = try db.staff(login: login) else {
            throw CLIError(Message(zh: "找不到登录名为 \(FreeText.sanitize(login)) 的员工（用 advisor staff list 查看）",
                                   en: "No staff member has the login \(FreeText.sanitize(login)) (see advisor staff list)"))
        }
        if target.id != me.id { try OperatorIdentity.require(.manageStaff, me) }
        guard let pin = StaffPIN.read(prompt: CLILanguage.current == .zhHans ? "新 PIN：" : "New PIN: ",
                                      fromStdin: pinFromStdin) else {
            throw CLIError(Message(zh: "无法读取 PIN（没有终端；脚本请用 --pin-stdin）",
                                   en: "Cannot read the PIN (no terminal; scripts use --pin-stdin)"))
        }
        try userFacing { try PINRule.validate(pin) }
        if !pinFromStdin {
            let again = StaffPIN.read(prompt: CLILanguage.current == .zhHans ? "再输一次：" : "Again: ", fromStdin: false)
            guard again == pin else {
                throw CLIError(Message(zh: "两次输入的 PIN 不一致，PIN 未修改", en: "The two PINs differ; the PIN was not changed"))
            }
        }
        let hash = try userFacing { try StaffPIN.hash(pin) }
        try userFacing {
            try db.setStaffPIN(staffID: target.id!, hash: hash, digits: pin.unicodeScalars.count, operator: me.asOperator,
                               now: Date())
        }
        say(Message(zh: "已为 \(target.name) 设置 PIN", en: "PIN set for \(target.name)"))
    }
}

/// Checks a PIN the way a shared desk does before switching operator; exit 0 when it matches. An admin's
/// tool: every try counts toward the login's lock like a try at the desk, and is audited.
struct StaffCheckPINCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-pin",
        abstract: "Check a staff member's PIN (admin only; exit 0 when it matches, 1 when not, 2 while locked).",
        discussion: "Wrong PINs count toward the login's lock exactly like wrong PINs at a shared desk (advisor --as).")

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The staff member's login.")
    var login: String

    @Flag(name: .customLong("pin-stdin"), help: "Read the PIN as one line from standard input.")
    var pinFromStdin = false

    func run() throws {
        let (db, me) = try openAsOperator(database)
        defer { try? db.close() }
        try OperatorIdentity.require(.manageStaff, me)
        if let until = try db.pinLockedUntil(login: login, now: Date()) {
            try db.recordPINTryWhileLocked(login: login, by: me.asOperator, now: Date())
            stderr(db.pinLockedError(login: login, until: until).message)
            throw ExitCode(2)
        }
        let pin = StaffPIN.read(prompt: "PIN: ", fromStdin: pinFromStdin) ?? ""
        let outcome = try userFacing {
            try db.attemptPIN(login: login, by: me.asOperator, refusedAction: "pinRefused", now: Date()) {
                StaffPIN.verify(pin, against: $0)
            }
        }
        switch outcome {
        case .accepted(let staff):
            say(Message(zh: "PIN 正确：\(staff.name)", en: "PIN matches: \(staff.name)"))
        case .locked(let until):
            // Not tried at all: exit 2, so a script can tell a lock from a wrong PIN.
            stderr(db.pinLockedError(login: login, until: until).message)
            throw ExitCode(2)
        case .refused(_, let lockedUntil):
            stderr(Message(zh: "登录名或 PIN 不正确", en: "Wrong login or PIN"))
            if let lockedUntil { stderr(db.pinLockedError(login: login, until: lockedUntil).message) }
            throw ExitCode(1)
        case .noPIN:
            stderr(Message(zh: "登录名或 PIN 不正确", en: "Wrong login or PIN"))
            throw ExitCode(1)
        }
    }
}
