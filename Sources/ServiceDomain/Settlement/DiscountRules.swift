import Foundation

/// How much discount each role may give on its own, as basis points of the amount discounted (500 = 5%).
/// Beyond it a person whose own limit covers the discount (a manager) approves it, and the approval is audited.
public struct DiscountLimits: Sendable, Equatable {
    public var basisPoints: [Role: Int64]

    public static let standard = DiscountLimits(basisPoints: [
        .reception: 0, .technician: 0, .advisor: 500, .workshopLead: 500, .manager: 2_000, .admin: 2_000,
    ])

    public init(basisPoints: [Role: Int64]) { self.basisPoints = basisPoints }

    /// The setting that overrides a role's limit: a percentage with up to two decimals (`5`, `7.5`).
    public static func settingKey(_ role: Role) -> String { "settle.discountLimitPercent.\(role.rawValue)" }

    /// The highest limit among the roles (a person with several roles has the largest).
    public func limit(for roles: Set<Role>) -> Int64 {
        roles.map { basisPoints[$0] ?? 0 }.max() ?? 0
    }
}

public enum DiscountRules {
    public enum Outcome: Sendable, Equatable {
        case withinLimit
        case approved(by: RowID)
    }

    /// Whether `discount` on `gross` may be given by someone with `roles`, or with `approver` (its staff id
    /// and roles) approving. Refuses with the limit and who can approve.
    public static func check(discount: Fen, on gross: Fen, roles: Set<Role>, limits: DiscountLimits,
                             approver: (id: RowID, roles: Set<Role>)?) throws -> Outcome {
        guard discount >= .zero, discount <= gross else {
            throw SettlementError(Message(zh: "折扣应在 ¥0.00 到 \(gross) 之间",
                                          en: "A discount must be between ¥0.00 and \(gross)"))
        }
        if discount <= MoneyRounding.share(of: gross, basisPoints: limits.limit(for: roles)) { return .withinLimit }
        guard let approver else {
            let own = MoneyRounding.share(of: gross, basisPoints: limits.limit(for: roles))
            throw SettlementError(Message(
                zh: "折扣 \(discount) 超出你的权限（最多 \(own)），需要服务经理批准",
                en: "The discount \(discount) is beyond your limit (at most \(own)); a manager must approve it"))
        }
        let covered = MoneyRounding.share(of: gross, basisPoints: limits.limit(for: approver.roles))
        guard discount <= covered else {
            throw SettlementError(Message(
                zh: "折扣 \(discount) 也超出批准人的权限（最多 \(covered)）",
                en: "The discount \(discount) is beyond the approver's limit too (at most \(covered))"))
        }
        return .approved(by: approver.id)
    }

    /// Goodwill is approved by a manager (or an admin).
    public static func checkGoodwillApprover(roles: Set<Role>) throws {
        guard roles.contains(.manager) || roles.contains(.admin) else {
            throw SettlementError(Message(zh: "善意项目须由服务经理批准", en: "Goodwill must be approved by a manager"))
        }
    }
}

/// Settlement numbers, their own series per shop day like RO numbers: `JS-20261202-0001`.
public enum SettlementNumber {
    public static func make(at date: Date, sequence: Int, timeZone: TimeZone) -> String {
        let digits = String(sequence)
        return "JS-" + RONumber.dayKey(date, timeZone: timeZone) + "-"
            + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
