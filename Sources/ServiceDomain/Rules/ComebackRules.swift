import Foundation

/// The repair quality-warranty window of one repair class: whichever limit is reached first,
/// counted from the earlier order's delivery (Chinese motor-vehicle repair regulations).
public struct WarrantyWindow: Sendable, Equatable, Codable {
    public var kilometres: Int
    public var days: Int

    public init(kilometres: Int, days: Int) {
        self.kilometres = kilometres
        self.days = days
    }
}

/// Shop settings for comeback detection and the 三包 counters.
public struct ComebackSettings: Sendable, Equatable, Codable {
    public var majorAssembly = WarrantyWindow(kilometres: 20_000, days: 100)
    public var level2Maintenance = WarrantyWindow(kilometres: 5_000, days: 30)
    public var minor = WarrantyWindow(kilometres: 2_000, days: 10)
    /// Cumulative days in the workshop for repairs within warranty before a warning (三包).
    public var warrantyDaysWarning = 30
    /// Repairs of the same problem before a warning (三包).
    public var sameProblemRepairsWarning = 4
    /// A problem that has failed this many times is flagged for escalation.
    public var escalateAfterFailures = 2

    public init() {}

    public func window(for repairClass: RepairClass) -> WarrantyWindow {
        switch repairClass {
        case .majorAssembly: majorAssembly
        case .level2Maintenance: level2Maintenance
        case .level1Maintenance, .minorRepair, .specialistRepair: minor
        }
    }
}

/// An earlier visit as the comeback rules see it.
public struct VisitSummary: Sendable, Equatable {
    public var repairOrderID: RowID
    public var vehicleID: RowID
    public var repairClass: RepairClass
    public var deliveredAt: Date?
    /// Mileage when the car was delivered (the order's mileage in; the car barely moves in the workshop).
    public var mileage: Int
    public var categories: Set<ConcernCategory>

    public init(repairOrderID: RowID, vehicleID: RowID, repairClass: RepairClass, deliveredAt: Date?, mileage: Int,
                categories: Set<ConcernCategory>) {
        self.repairOrderID = repairOrderID
        self.vehicleID = vehicleID
        self.repairClass = repairClass
        self.deliveredAt = deliveredAt
        self.mileage = mileage
        self.categories = categories
    }
}

public enum ComebackRules {
    /// True when a visit opened at `openedAt` with `mileage` on the clock is inside the earlier
    /// order's window: within both the days and the kilometres limit (the first one reached closes it).
    /// A nil mileage (not yet read) is judged by days alone.
    public static func isWithinWindow(deliveredAt: Date, deliveredMileage: Int, repairClass: RepairClass,
                                      openedAt: Date, mileage: Int?, settings: ComebackSettings = .init()) -> Bool {
        let window = settings.window(for: repairClass)
        guard openedAt >= deliveredAt else { return false }
        if openedAt.timeIntervalSince(deliveredAt) > TimeInterval(window.days) * 86_400 { return false }
        if let mileage, mileage - deliveredMileage > window.kilometres { return false }
        return true
    }

    /// Concerns overlap when they share a category, or the lead linked the two orders by hand.
    public static func concernsOverlap(_ earlier: Set<ConcernCategory>, _ later: Set<ConcernCategory>,
                                       linkedByLead: Bool = false) -> Bool {
        linkedByLead || !earlier.isDisjoint(with: later)
    }

    /// The delivered earlier visit the later one is a comeback candidate of: in its window, with an
    /// overlapping concern. The most recently delivered one wins.
    public static func candidate(for vehicleID: RowID, openedAt: Date, mileage: Int?, categories: Set<ConcernCategory>,
                                 earlier visits: [VisitSummary], settings: ComebackSettings = .init()) -> VisitSummary? {
        visits
            .filter { $0.vehicleID == vehicleID }
            .filter { v in
                guard let delivered = v.deliveredAt else { return false }
                return isWithinWindow(deliveredAt: delivered, deliveredMileage: v.mileage, repairClass: v.repairClass,
                                      openedAt: openedAt, mileage: mileage, settings: settings)
                    && concernsOverlap(v.categories, categories)
            }
            .max { ($0.deliveredAt ?? .distantPast) < ($1.deliveredAt ?? .distantPast) }
    }

    /// Only the workshop lead (and the roles above) may confirm or dismiss.
    public static func requireDecider(roles: Set<Role>) throws {
        try Authorization.require(.confirmComeback, roles: roles)
    }

    /// Confirms a candidate: a root cause and the responsible technician are both needed.
    public static func confirm(_ comeback: Comeback, rootCause: RootCause, technicianID: RowID?, by staffID: RowID?,
                               roles: Set<Role>, at now: Date) throws -> Comeback {
        try requireDecider(roles: roles)
        guard comeback.status == .candidate else { throw ComebackDecisionError.alreadyDecided(comeback.status) }
        guard let technicianID else { throw ComebackDecisionError.technicianMissing }
        var c = comeback
        c.status = .confirmed
        c.rootCause = rootCause
        c.responsibleTechnicianID = technicianID
        c.decidedByID = staffID
        c.decidedAt = now
        return c
    }

    /// Dismisses a candidate; the reason is kept.
    public static func dismiss(_ comeback: Comeback, reason: String, by staffID: RowID?, roles: Set<Role>,
                               at now: Date) throws -> Comeback {
        try requireDecider(roles: roles)
        guard comeback.status == .candidate else { throw ComebackDecisionError.alreadyDecided(comeback.status) }
        let trimmed = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ComebackDecisionError.reasonMissing }
        var c = comeback
        c.status = .dismissed
        c.reason = trimmed
        c.decidedByID = staffID
        c.decidedAt = now
        return c
    }
}

public enum ComebackDecisionError: UserFacingError, Equatable {
    case alreadyDecided(ComebackStatus)
    case technicianMissing
    case reasonMissing

    public var message: Message {
        switch self {
        case .alreadyDecided(let status):
            Message(zh: "该返修记录已处理（\(status == .confirmed ? "已确认" : "已排除")），不能再改。",
                    en: "This comeback was already \(status == .confirmed ? "confirmed" : "dismissed"); it cannot be decided again.")
        case .technicianMissing:
            Message(zh: "责任技师：请选择负责的技师后再确认返修。",
                    en: "Responsible technician: choose the technician before confirming the comeback.")
        case .reasonMissing:
            Message(zh: "排除原因：请填写排除的原因（不能为空）。",
                    en: "Reason: say why this is not a comeback (it cannot be empty).")
        }
    }
}
