import Foundation
import GRDB
import ServiceDomain

/// Who the OS login at the keyboard is, for the console: the OS authenticates, the staff list authorizes.
public enum OperatorResolution: Sendable, Equatable {
    /// A known, active staff member.
    case staff(Staff)
    /// The staff list was empty: this login has just been made the shop's first admin.
    case firstRunAdmin(Staff)
    /// The login is not on the staff list (or its record is inactive); `admins` can add it.
    case unknown(login: String, admins: [Staff])

    /// The staff record to act as, if any.
    public var staff: Staff? {
        switch self {
        case .staff(let s), .firstRunAdmin(let s): s
        case .unknown: nil
        }
    }
}

/// The refusal shown to an OS user who is not on the staff list.
public struct UnknownOperatorError: UserFacingError, Equatable {
    public let login: String
    public let adminNames: [String]

    public init(login: String, adminNames: [String]) {
        self.login = FreeText.sanitize(login)
        self.adminNames = adminNames.map(FreeText.sanitize)
    }

    public var message: Message {
        let command = "advisor staff add \(login.isEmpty ? "LOGIN" : login) --name 姓名/NAME --role advisor"
        let whoZh = adminNames.isEmpty ? "系统管理员" : "系统管理员（\(adminNames.joined(separator: "、"))）"
        let whoEn = adminNames.isEmpty ? "an admin" : "an admin (\(adminNames.joined(separator: ", ")))"
        return Message(
            zh: "登录名 \(login) 不在本店员工名单中（或已停用），不能使用本系统。请\(whoZh)运行：\(command)",
            en: "The login \(login) is not on this shop's staff list (or is inactive), so it cannot use the console. "
                + "Ask \(whoEn) to run: \(command)")
    }
}

extension AppDatabase {
    /// Maps an OS login to its staff record. On a database with no staff at all, the login becomes
    /// the first admin (in one transaction, so two desks starting at once cannot both become admin).
    public func resolveOperator(login: String, displayName: String, now: Date) throws -> OperatorResolution {
        let login = FreeText.sanitize(login)
        // Nearly every start finds a staff list: answer with a read, so the first frame never waits for a
        // commit's flush to disk (behind today's backup being written, that took seconds).
        let known = try dbPool.read { db -> OperatorResolution? in
            guard (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") ?? 0) > 0 else { return nil }
            return try Self.listedOperator(db, login: login)
        }
        if let known { return known }
        return try write { db in
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM staff") ?? 0
            if count == 0, !login.isEmpty {
                let name = (try? FreeText.clean(displayName, field: .name, maxLength: 40, required: true))
                    ?? String(login.prefix(40))
                let admin = Staff(login: login, name: name, roles: [.admin])
                let saved = try saveVersioned(db, admin, operator: Operator(staffID: nil, name: login), now: now).saved
                return .firstRunAdmin(saved)
            }
            return try Self.listedOperator(db, login: login)
        }
    }

    /// The login's active staff record, or who can add it.
    private static func listedOperator(_ db: Database, login: String) throws -> OperatorResolution {
        if let staff = try Persistence.fetchAll(Staff.self, db, where: "login = ?", arguments: [login]).first,
           staff.isActive, !login.isEmpty {
            return .staff(staff)
        }
        let admins = try Persistence.fetchAll(Staff.self, db, where: "is_active = 1 ORDER BY name, id")
            .filter { $0.roles.contains(.admin) }
        return .unknown(login: login, admins: admins)
    }
}

extension AppDatabase {
    /// Records a shared desk's operator switch (`advisor --as LOGIN`): who was signed in to the OS, which
    /// login they asked for, and whether the PIN was accepted. A refused switch is recorded too, so
    /// repeated guesses show in the trail. The PIN itself is never written.
    public func recordOperatorSwitch(osOperator: Operator, requestedLogin: String, to staff: Staff?, accepted: Bool,
                                     now: Date) throws {
        let login = String(FreeText.sanitize(requestedLogin).prefix(40))
        try write { db in
            try Audit.append(db, operator: osOperator, at: now, action: accepted ? "switchOperator" : "switchRefused",
                             entity: Staff.table, entityID: staff?.id, detail: ["login": .string(login)])
        }
    }
}

extension AppDatabase {
    /// The roles of the person behind `op`, read fresh (a role taken away applies at once).
    /// An operator with no staff record, or an inactive one, has none.
    public func roles(of op: Operator) throws -> Set<Role> {
        guard let id = op.staffID, let staff = try staff(id: id), staff.isActive else { return [] }
        return staff.roles
    }

    /// Refuses with a `PermissionError` naming the role needed unless `op` may do `permission`.
    /// Effects call this before every write so the rule holds whatever the UI shows.
    public func authorize(_ permission: Permission, _ op: Operator) throws {
        try Authorization.require(permission, roles: roles(of: op))
    }
}

extension Staff {
    /// The operator written into audit rows for this person.
    public var asOperator: Operator { Operator(staffID: id, name: name) }
}
