import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// After a check-in: when the new order is a comeback candidate of an earlier delivered order of the same
    /// car (in its window, a concern of the same category), records it with source `.checkIn`. A candidate
    /// already flagged from a follow-up call for that earlier order is linked to this visit instead of
    /// duplicated. Returns the candidate, or nil when the visit is not one.
    @discardableResult
    public func recordCheckInComeback(repairOrderID: RowID, operator op: Operator, now: Date) throws -> Comeback? {
        let settings = try comebackSettings()
        return try write { db in
            guard let later = try Persistence.fetch(RepairOrder.self, db, id: repairOrderID) else { return nil }
            guard let earlier = try candidateEarlier(db, for: later, settings: settings, linked: nil) else { return nil }
            return try upsertCandidate(db, earlierID: earlier, laterID: repairOrderID, source: .checkIn, operator: op, now: now)
        }
    }

    /// The lead's own search: every order opened in the last `days` days that is a candidate of an earlier one and
    /// has no comeback record yet gets a candidate (source `.leadSearch`). Returns how many were added.
    @discardableResult
    public func searchComebackCandidates(days: Int = 30, operator op: Operator, now: Date) throws -> Int {
        try authorize(.confirmComeback, op)
        let settings = try comebackSettings()
        let since = now.addingTimeInterval(-TimeInterval(days) * 86_400)
        return try write { db in
            let orders = try Persistence.fetchAll(
                RepairOrder.self, db, where: "opened_at >= ? AND opened_at <= ? AND stage <> 'cancelled' ORDER BY opened_at, id",
                arguments: [since, now])
            var added = 0
            for later in orders {
                let known = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM comeback WHERE later_repair_order_id = ?)",
                                              arguments: [later.id!]) ?? false
                if known { continue }
                guard let earlier = try candidateEarlier(db, for: later, settings: settings, linked: nil) else { continue }
                if try upsertCandidate(db, earlierID: earlier, laterID: later.id!, source: .leadSearch, operator: op,
                                       now: now) != nil {
                    added += 1
                }
            }
            return added
        }
    }

    /// The lead links two visits of the same car by hand (the concerns look different but are the same
    /// problem). The later one must still be inside the earlier one's window.
    @discardableResult
    public func linkComeback(earlierNumber: String, laterNumber: String, operator op: Operator, now: Date) throws -> Comeback {
        try authorize(.confirmComeback, op)
        let settings = try comebackSettings()
        return try write { db in
            guard let earlier = try Persistence.fetchAll(RepairOrder.self, db, where: "number = ?", arguments: [earlierNumber]).first
            else { throw ComebackLinkError.unknownOrder(earlierNumber) }
            guard let later = try Persistence.fetchAll(RepairOrder.self, db, where: "number = ?", arguments: [laterNumber]).first
            else { throw ComebackLinkError.unknownOrder(laterNumber) }
            guard earlier.vehicleID == later.vehicleID else { throw ComebackLinkError.differentVehicles }
            guard try candidateEarlier(db, for: later, settings: settings, linked: earlier.id) != nil
            else { throw ComebackLinkError.outsideWindow(earlierNumber) }
            guard let saved = try upsertCandidate(db, earlierID: earlier.id!, laterID: later.id!, source: .leadSearch,
                                                  operator: op, now: now)
            else { throw ComebackLinkError.alreadyRecorded }
            return saved
        }
    }

    /// Confirms a candidate as a repeat repair (workshop lead or above).
    @discardableResult
    public func confirmComeback(id: RowID, version: Int, rootCause: RootCause, technicianID: RowID?,
                                operator op: Operator, now: Date) throws -> Comeback {
        let roles = try roles(of: op)
        return try write { db in
            let current = try loadForDecision(db, id: id, version: version)
            let decided = try ComebackRules.confirm(current, rootCause: rootCause, technicianID: technicianID,
                                                    by: op.staffID, roles: roles, at: now)
            return try saveVersioned(db, decided, operator: op, now: now).saved
        }
    }

    /// Dismisses a candidate with a reason (workshop lead or above).
    @discardableResult
    public func dismissComeback(id: RowID, version: Int, reason: String, operator op: Operator, now: Date) throws -> Comeback {
        let roles = try roles(of: op)
        let cleaned = try FreeText.clean(reason, field: .reason, maxLength: 500)
        return try write { db in
            let current = try loadForDecision(db, id: id, version: version)
            let decided = try ComebackRules.dismiss(current, reason: cleaned, by: op.staffID, roles: roles, at: now)
            return try saveVersioned(db, decided, operator: op, now: now).saved
        }
    }

    private func loadForDecision(_ db: Database, id: RowID, version: Int) throws -> Comeback {
        guard let current = try Persistence.fetch(Comeback.self, db, id: id) else {
            throw StoreError.notFound(entity: Comeback.table, id: id)
        }
        guard current.version == version else { throw try conflictError(db, entity: Comeback.table, id: id) }
        return current
    }

    /// The earlier delivered order `later` is a candidate of; with `linked`, only that order and the category
    /// test waived (the lead's link).
    private func candidateEarlier(_ db: Database, for later: RepairOrder, settings: ComebackSettings,
                                  linked: RowID?) throws -> RowID? {
        let longest = [settings.majorAssembly.days, settings.level2Maintenance.days, settings.minor.days].max()!
        let since = later.openedAt.addingTimeInterval(-TimeInterval(longest) * 86_400)
        let earlier = try Persistence.fetchAll(
            RepairOrder.self, db,
            where: "vehicle_id = ? AND id <> ? AND stage = 'delivered' AND closed_at >= ? AND closed_at <= ?",
            arguments: [later.vehicleID, later.id!, since, later.openedAt])
            .filter { linked == nil || $0.id == linked }
        guard !earlier.isEmpty else { return nil }
        let categories = try categoriesByOrder(db, earlier.map { $0.id! } + [later.id!])
        let visits = earlier.map {
            VisitSummary(repairOrderID: $0.id!, vehicleID: $0.vehicleID, repairClass: $0.repairClass, deliveredAt: $0.closedAt,
                         mileage: $0.mileageIn, categories: linked == nil ? categories[$0.id!] ?? [] : Set(ConcernCategory.allCases))
        }
        let laterCategories = linked == nil ? categories[later.id!] ?? [] : Set(ConcernCategory.allCases)
        return ComebackRules.candidate(for: later.vehicleID, openedAt: later.openedAt, mileage: later.mileageIn,
                                       categories: laterCategories, earlier: visits, settings: settings)?.repairOrderID
    }

    /// Adds the candidate, or links a follow-up flag waiting for the car's return; nil when already recorded.
    func upsertCandidate(_ db: Database, earlierID: RowID, laterID: RowID, source: ComebackSource,
                                 operator op: Operator, now: Date) throws -> Comeback? {
        let existing = try Persistence.fetchAll(Comeback.self, db, where: "earlier_repair_order_id = ? ORDER BY id",
                                                arguments: [earlierID])
        if existing.contains(where: { $0.laterRepairOrderID == laterID }) { return nil }
        if var waiting = existing.first(where: { $0.laterRepairOrderID == nil && $0.status == .candidate }) {
            waiting.laterRepairOrderID = laterID
            return try saveVersioned(db, waiting, operator: op, now: now).saved
        }
        return try saveVersioned(db, Comeback(earlierRepairOrderID: earlierID, laterRepairOrderID: laterID, source: source,
                                              createdAt: now), operator: op, now: now).saved
    }
}

public enum ComebackLinkError: UserFacingError, Equatable {
    case unknownOrder(String)
    case differentVehicles
    case outsideWindow(String)
    case alreadyRecorded

    public var message: Message {
        switch self {
        case .unknownOrder(let n):
            Message(zh: "工单号：找不到工单 \(n)，请输入完整工单号（如 RO-20261122-0007）。",
                    en: "RO number: no order \(n); type the full number (e.g. RO-20261122-0007).")
        case .differentVehicles:
            Message(zh: "两张工单不是同一辆车，不能关联为返修。", en: "The two orders are for different cars; they cannot be linked as a comeback.")
        case .outsideWindow(let n):
            Message(zh: "后一次到店已超出工单 \(n) 的质量保证期（天数或里程先到者为准）。",
                    en: "The later visit is outside the quality-warranty window of \(n) (days or km, whichever first).")
        case .alreadyRecorded:
            Message(zh: "这两张工单的返修记录已存在。", en: "A comeback record for these two orders already exists.")
        }
    }
}
