import Foundation

/// What a person may do at the console. The console checks these before every write (the domain
/// decides; the UI only hides what the domain would refuse anyway).
public enum Permission: String, Sendable, CaseIterable, Codable {
    // Reception
    case bookAppointment
    case checkIn
    // Advisors (and every role above them)
    case moveRepairOrder
    case deliver
    case callCustomer
    case handleComplaint
    // Technicians
    case recordJobProgress
    // Workshop leads
    case dispatch
    case qualityCheck
    case confirmComeback
    // Managers
    case overrideDeliveryGate
    case viewReports
    case viewAudit
    case exportPersonalData
    case mergeCustomers
    // Administrators
    case manageStaff
    case changeSettings
    case restoreBackup

    /// A short name of the action, used in refusals.
    public var label: Message {
        switch self {
        case .bookAppointment: Message(zh: "预约", en: "book appointments")
        case .checkIn: Message(zh: "接车开单", en: "check cars in")
        case .moveRepairOrder: Message(zh: "变更工单状态", en: "move repair orders")
        case .deliver: Message(zh: "交车", en: "deliver cars")
        case .callCustomer: Message(zh: "回访客户", en: "call customers")
        case .handleComplaint: Message(zh: "处理投诉", en: "handle complaints")
        case .recordJobProgress: Message(zh: "记录作业进度", en: "record job progress")
        case .dispatch: Message(zh: "派工", en: "dispatch jobs")
        case .qualityCheck: Message(zh: "质检", en: "do the quality check")
        case .confirmComeback: Message(zh: "确认返修", en: "confirm comebacks")
        case .overrideDeliveryGate: Message(zh: "越过交车检查", en: "override delivery checks")
        case .viewReports: Message(zh: "查看报表", en: "see reports")
        case .viewAudit: Message(zh: "查看操作记录", en: "see the audit log")
        case .exportPersonalData: Message(zh: "导出客户个人资料", en: "export personal data")
        case .mergeCustomers: Message(zh: "合并重复客户", en: "merge duplicate customers")
        case .manageStaff: Message(zh: "管理员工", en: "manage staff")
        case .changeSettings: Message(zh: "修改设置", en: "change settings")
        case .restoreBackup: Message(zh: "从备份恢复", en: "restore a backup")
        }
    }

    /// The roles that grant this permission, lowest first.
    public var grantingRoles: [Role] {
        Role.allCases.filter { $0.permissions.contains(self) }
    }

    /// The lowest role that grants this permission: the one a refusal names.
    public var minimumRole: Role { grantingRoles.first ?? .admin }
}

extension Role {
    /// What each role may do. The ladder reception → advisor → workshop lead → manager → admin is
    /// cumulative (each rung does everything below it); technicians only record their own work,
    /// which workshop leads, who run the technicians, can also do.
    public var permissions: Set<Permission> {
        switch self {
        case .reception:
            [.bookAppointment, .checkIn]
        case .advisor:
            Role.reception.permissions.union([.moveRepairOrder, .deliver, .callCustomer, .handleComplaint])
        case .technician:
            [.recordJobProgress]
        case .workshopLead:
            Role.advisor.permissions.union(Role.technician.permissions)
                .union([.dispatch, .qualityCheck, .confirmComeback])
        case .manager:
            Role.workshopLead.permissions.union([.overrideDeliveryGate, .viewReports, .viewAudit,
                                                 .exportPersonalData, .mergeCustomers])
        case .admin:
            Role.manager.permissions.union([.manageStaff, .changeSettings, .restoreBackup])
        }
    }

    /// The role's name as the shop says it.
    public var label: Message {
        switch self {
        case .reception: Message(zh: "前台", en: "reception")
        case .advisor: Message(zh: "服务顾问", en: "advisor")
        case .technician: Message(zh: "技师", en: "technician")
        case .workshopLead: Message(zh: "车间主管", en: "workshop lead")
        case .manager: Message(zh: "服务经理", en: "manager")
        case .admin: Message(zh: "系统管理员", en: "admin")
        }
    }

    /// Reads a role as typed on the command line: the raw value, a label in either language, or
    /// the common short forms (`lead`, `workshop-lead`, `tech`).
    public static func parse(_ text: String) -> Role? {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
            .replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        for role in Role.allCases {
            if key == role.rawValue.lowercased() || key == role.label.zh
                || key == role.label.en.replacingOccurrences(of: " ", with: "-") {
                return role
            }
        }
        switch key {
        case "lead", "workshop-lead", "workshoplead", "foreman": return .workshopLead
        case "tech": return .technician
        case "front-desk", "receptionist": return .reception
        case "administrator": return .admin
        case "service-manager": return .manager
        case "service-advisor", "sa": return .advisor
        default: return nil
        }
    }
}

/// The refusal of an action the operator's roles do not grant. Names the action and the lowest role
/// that would allow it, so the clerk knows whom to ask.
public struct PermissionError: UserFacingError, Equatable {
    public let permission: Permission
    public let roles: Set<Role>

    public init(permission: Permission, roles: Set<Role>) {
        self.permission = permission
        self.roles = roles
    }

    public var requiredRole: Role { permission.minimumRole }

    public var message: Message {
        let neededZh = requiredRole.label.zh
        let neededEn = requiredRole.label.en
        let held = roles.sorted()
        let heldZh = held.isEmpty ? "无" : held.map(\.label.zh).joined(separator: "、")
        let heldEn = held.isEmpty ? "none" : held.map(\.label.en).joined(separator: ", ")
        return Message(
            zh: "无权\(permission.label.zh)：需要「\(neededZh)」或更高角色（您的角色：\(heldZh)）。请有「\(neededZh)」角色的同事办理。",
            en: "Not allowed to \(permission.label.en): this needs the \(neededEn) role or higher "
                + "(your roles: \(heldEn)). Ask someone with the \(neededEn) role.")
    }
}

/// The one check every action goes through.
public enum Authorization {
    /// True when any of `roles` grants `permission`.
    public static func allows(_ permission: Permission, roles: Set<Role>) -> Bool {
        roles.contains { $0.permissions.contains(permission) }
    }

    /// Throws a `PermissionError` naming the role needed unless one of `roles` grants `permission`.
    public static func require(_ permission: Permission, roles: Set<Role>) throws {
        guard allows(permission, roles: roles) else {
            throw PermissionError(permission: permission, roles: roles)
        }
    }

    /// Everything the roles allow together.
    public static func permissions(of roles: Set<Role>) -> Set<Permission> {
        roles.reduce(into: Set<Permission>()) { $0.formUnion($1.permissions) }
    }
}
