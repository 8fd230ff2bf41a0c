import Foundation
import GRDB
import ServiceDomain

/// Which comebacks a listing or a batch decision covers.
public struct ComebackFilter: Sendable, Equatable {
    public var status: ComebackStatus
    /// Later visits opened on or after this instant.
    public var since: Date?
    /// Later visits opened before this instant.
    public var before: Date?

    public init(status: ComebackStatus, since: Date? = nil, before: Date? = nil) {
        self.status = status
        self.since = since
        self.before = before
    }
}

/// One earlier → later pair, as `advisor comebacks` lists it.
public struct ComebackPair: Sendable, Equatable {
    public var id: RowID
    public var version: Int
    public var status: ComebackStatus
    public var source: ComebackSource
    public var earlierNumber: String
    public var earlierExternal: String?
    public var laterNumber: String?
    public var laterExternal: String?
    public var plate: String
    public var days: Int?
    public var kilometres: Int?
    public var sharedCategories: [ConcernCategory]
    public var repairClass: RepairClass
    public var earlierTechnicianID: RowID?
}

extension AppDatabase {
    /// The comebacks of `filter`, oldest later visit first (candidates without a later visit last).
    public func comebackPairs(_ filter: ComebackFilter, limit: Int = .max) throws -> [ComebackPair] {
        try dbPool.read { db in try comebackPairs(db, filter, limit: limit) }
    }

    func comebackPairs(_ db: Database, _ filter: ComebackFilter, limit: Int) throws -> [ComebackPair] {
        var pairs: [ComebackPair] = []
        var ids: [RowID] = []
        let rows = try Row.fetchCursor(db, sql: """
            SELECT c.id, c.version, c.status, c.source, e.id AS eid, e.number AS enumber, ex.external_number AS eext,
                   e.closed_at AS eclosed, e.mileage_in AS ekm, e.repair_class AS eclass,
                   l.id AS lid, l.number AS lnumber, lx.external_number AS lext, l.opened_at AS lopened, l.mileage_in AS lkm,
                   v.plate,
                   (SELECT technician_id FROM job WHERE repair_order_id = e.id AND technician_id IS NOT NULL ORDER BY id LIMIT 1) AS tech
            FROM comeback c
            JOIN repair_order e ON e.id = c.earlier_repair_order_id
            LEFT JOIN repair_order l ON l.id = c.later_repair_order_id
            LEFT JOIN repair_order_external ex ON ex.repair_order_id = e.id
            LEFT JOIN repair_order_external lx ON lx.repair_order_id = l.id
            JOIN vehicle v ON v.id = e.vehicle_id
            WHERE c.status = ? AND (? IS NULL OR l.opened_at >= ?) AND (? IS NULL OR l.opened_at < ?)
            ORDER BY l.opened_at IS NULL, l.opened_at, c.id
            LIMIT ?
            """, arguments: [filter.status.rawValue, filter.since, filter.since, filter.before, filter.before, limit])
        while let row = try rows.next() {
            let closed: Date? = row["eclosed"], opened: Date? = row["lopened"]
            let laterKm: Int? = row["lkm"], earlierKm: Int = row["ekm"]
            pairs.append(ComebackPair(
                id: row["id"], version: row["version"], status: try row.enumValue("status", in: Comeback.table),
                source: try row.enumValue("source", in: Comeback.table), earlierNumber: row["enumber"],
                earlierExternal: row["eext"], laterNumber: row["lnumber"], laterExternal: row["lext"], plate: row["plate"],
                days: closed.flatMap { c in opened.map { Int(($0.timeIntervalSince(c) / 86_400).rounded(.down)) } },
                kilometres: laterKm.map { $0 - earlierKm }, sharedCategories: [],
                repairClass: try row.enumValue("eclass", in: RepairOrder.table), earlierTechnicianID: row["tech"]))
            ids.append(row["eid"])
            ids.append(row["lid"] ?? 0)
        }
        let categories = try categoriesByOrder(db, Array(Set(ids)))
        for i in pairs.indices {
            let earlier = categories[ids[2 * i]] ?? [], later = categories[ids[2 * i + 1]] ?? []
            pairs[i].sharedCategories = ConcernCategory.allCases.filter { earlier.contains($0) && later.contains($0) }
        }
        return pairs
    }

    /// Dismisses every candidate of `filter` with `reason` (e.g. "history, not reviewed"), as the lead
    /// would one by one: each audited, version-checked, in paced batches; one `comebackBatch` audit row
    /// names the filter and the count. Returns how many were dismissed.
    @discardableResult
    public func dismissComebacks(_ filter: ComebackFilter, reason: String, operator op: Operator, now: Date) throws -> Int {
        let roles = try roles(of: op)
        try ComebackRules.requireDecider(roles: roles)
        let cleaned = try FreeText.clean(reason, field: .reason, maxLength: 500, required: true)
        return try decideInBatches(filter, action: "dismiss", operator: op, now: now) { pair, current in
            try ComebackRules.dismiss(current, reason: cleaned, by: op.staffID, roles: roles, at: now)
        }
    }

    /// Confirms every candidate of `filter` with `rootCause`, holding the technician of the earlier
    /// order's first work line responsible; a candidate whose earlier order names no technician is left
    /// as it is (counted in `skipped`).
    public func confirmComebacks(_ filter: ComebackFilter, rootCause: RootCause, operator op: Operator,
                                 now: Date) throws -> (confirmed: Int, skipped: Int) {
        let roles = try roles(of: op)
        try ComebackRules.requireDecider(roles: roles)
        var skipped = 0
        let confirmed = try decideInBatches(filter, action: "confirm", operator: op, now: now) { pair, current in
            guard let technician = pair.earlierTechnicianID else {
                skipped += 1
                return nil
            }
            return try ComebackRules.confirm(current, rootCause: rootCause, technicianID: technician, by: op.staffID,
                                             roles: roles, at: now)
        }
        return (confirmed, skipped)
    }

    private func decideInBatches(_ filter: ComebackFilter, action: String, operator op: Operator, now: Date,
                                 decide: (ComebackPair, Comeback) throws -> Comeback?) throws -> Int {
        precondition(filter.status == .candidate, "only candidates are decided")
        let pairs = try comebackPairs(filter)
        var decided = 0
        for chunk in pairs.chunked(Self.importBatchRows) {
            try Self.paced {
                try write { db in
                    for pair in chunk {
                        // Decided meanwhile on a terminal: left as the lead left it.
                        guard let current = try Persistence.fetch(Comeback.self, db, id: pair.id),
                              current.version == pair.version, current.status == .candidate,
                              let next = try decide(pair, current) else { continue }
                        _ = try saveVersioned(db, next, operator: op, now: now)
                        decided += 1
                    }
                }
            }
        }
        try write { db in
            try Audit.append(db, operator: op, at: now, action: "comebackBatch", entity: Comeback.table, entityID: nil,
                             detail: ["decision": .string(action), "count": .int(Int64(decided)),
                                      "since": filter.since.map { .string("\($0)") } ?? .null,
                                      "before": filter.before.map { .string("\($0)") } ?? .null])
        }
        return decided
    }
}

/// One CSV line as the console's exports write it (quoted where needed, formula-guarded, CRLF).
public enum CSVLine {
    public static func make(_ fields: [String]) -> String { CSVFormat.line(fields) }
}
