import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// The shop's windows and 三包 thresholds (settings `comeback.<class>.km` / `.days`,
    /// `comeback.warrantyDays`, `comeback.sameProblemRepairs`, `comeback.escalateAfter`), defaults otherwise.
    public func comebackSettings() throws -> ComebackSettings {
        var s = ComebackSettings()
        func int(_ key: String) throws -> Int? { try setting(key: key).flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
        s.majorAssembly.kilometres = try int("comeback.majorAssembly.km") ?? s.majorAssembly.kilometres
        s.majorAssembly.days = try int("comeback.majorAssembly.days") ?? s.majorAssembly.days
        s.level2Maintenance.kilometres = try int("comeback.level2Maintenance.km") ?? s.level2Maintenance.kilometres
        s.level2Maintenance.days = try int("comeback.level2Maintenance.days") ?? s.level2Maintenance.days
        s.minor.kilometres = try int("comeback.minor.km") ?? s.minor.kilometres
        s.minor.days = try int("comeback.minor.days") ?? s.minor.days
        s.warrantyDaysWarning = try int("comeback.warrantyDays") ?? s.warrantyDaysWarning
        s.sameProblemRepairsWarning = try int("comeback.sameProblemRepairs") ?? s.sameProblemRepairsWarning
        s.escalateAfterFailures = try int("comeback.escalateAfter") ?? s.escalateAfterFailures
        return s
    }

    /// Candidates first (oldest first, they wait for the lead), then decisions of the last `recentDays`.
    /// Technicians' rates are read separately, per listing (`technicianRates(for:timeZone:)`).
    public func comebackListings(now: Date, timeZone: TimeZone, recentDays: Int = 30,
                                 limit: Int = 200) throws -> [ComebackListing] {
        let settings = try comebackSettings()
        let since = now.addingTimeInterval(-TimeInterval(recentDays) * 86_400)
        return try dbPool.read { db in
            let comebacks = try Persistence.fetchAll(
                Comeback.self, db,
                where: "status = 'candidate' OR decided_at >= ? ORDER BY status <> 'candidate', created_at, id LIMIT ?",
                arguments: [since, limit])
            return try comebacks.compactMap { try listing(db, $0, settings: settings, now: now) }
        }
    }

    /// FTFR of the listing's technicians over the month its earlier order was delivered in (the figure a
    /// decision moves). Asked for one listing at a time, as the panel's selection reaches it: a backlog of
    /// candidates spans dozens of months, and reading every one of them took seconds at ten years' data.
    /// Only the month's visits that involve these technicians are read; their rates are the same as in
    /// the full month's figures (a visit counts only for the technicians on it or held responsible).
    public func technicianRates(for listing: ComebackListing, timeZone: TimeZone) throws -> [RowID: RateRow] {
        let ids = listing.technicians.map(\.id)
        guard let delivered = listing.earlierDeliveredAt, !ids.isEmpty else { return [:] }
        let month = ReportPeriod.containing(delivered, kind: .month, timeZone: timeZone)
        return try dbPool.read { db in
            let visits = try technicianVisits(db, from: month.start, to: month.end, technicianIDs: ids)
            return FTFRFigures.compute(visits, timeZone: timeZone).byTechnician.filter { ids.contains($0.key) }
        }
    }

    /// The repair visits of `[from, to)` that the technicians worked on or were held responsible for, with
    /// what technician rates need (who worked them, confirmed comebacks; not the concern categories).
    /// The month's orders are found through the delivery-time index and filtered once; jobs and
    /// comebacks are then read for those orders only, each through its own order index (`+status`: not
    /// the status index, which lists every comeback of the shop).
    func technicianVisits(_ db: Database, from: Date, to: Date, technicianIDs: [RowID]) throws -> [RepairVisit] {
        let technicians = IDList.json(technicianIDs)
        var visits: [RowID: RepairVisit] = [:]
        var order: [RowID] = []
        try Row.fetchCursor(db, sql: """
            SELECT ro.id, ro.advisor_id, ro.closed_at FROM repair_order ro
            WHERE ro.stage = 'delivered' AND ro.service_type <> 'maintenance' AND ro.closed_at >= ? AND ro.closed_at < ?
              AND (EXISTS (SELECT 1 FROM job j WHERE j.repair_order_id = ro.id
                           AND j.technician_id IN (SELECT value FROM json_each(?)))
                   OR EXISTS (SELECT 1 FROM comeback c WHERE c.earlier_repair_order_id = ro.id AND +c.status = 'confirmed'
                              AND c.responsible_technician_id IN (SELECT value FROM json_each(?))))
            ORDER BY ro.closed_at, ro.id
            """, arguments: [from, to, technicians, technicians]).forEach { row in
            let id: RowID = row["id"]
            order.append(id)
            visits[id] = RepairVisit(repairOrderID: id, advisorID: row["advisor_id"], technicianIDs: [], categories: [],
                                     deliveredAt: row["closed_at"])
        }
        let orders: StatementArguments = [IDList.json(order)]
        try Row.fetchCursor(db, sql: """
            SELECT repair_order_id, technician_id FROM job
            WHERE technician_id IS NOT NULL AND repair_order_id IN (SELECT value FROM json_each(?))
            """, arguments: orders).forEach { row in
            visits[row[0]]?.technicianIDs.insert(row[1])
        }
        try Row.fetchCursor(db, sql: """
            SELECT earlier_repair_order_id, responsible_technician_id FROM comeback
            WHERE earlier_repair_order_id IN (SELECT value FROM json_each(?)) AND +status = 'confirmed'
            """, arguments: orders).forEach { row in
            let id: RowID = row[0]
            visits[id]?.confirmedComeback = true
            visits[id]?.responsibleTechnicianID = row[1]
        }
        return order.compactMap { visits[$0] }
    }

    /// The comeback with everything the panel shows, or nil when it no longer exists.
    public func comebackListing(id: RowID, now: Date) throws -> ComebackListing? {
        let settings = try comebackSettings()
        return try dbPool.read { db in
            try Persistence.fetch(Comeback.self, db, id: id).flatMap { try listing(db, $0, settings: settings, now: now) }
        }
    }

    private func listing(_ db: Database, _ c: Comeback, settings: ComebackSettings, now: Date) throws -> ComebackListing? {
        guard let earlier = try Persistence.fetch(RepairOrder.self, db, id: c.earlierRepairOrderID) else { return nil }
        let later = try c.laterRepairOrderID.flatMap { try Persistence.fetch(RepairOrder.self, db, id: $0) }
        let vehicle = try Persistence.fetch(Vehicle.self, db, id: earlier.vehicleID)
        let earlierConcerns = try Persistence.fetchAll(Concern.self, db, where: "repair_order_id = ? ORDER BY id",
                                                      arguments: [earlier.id!])
        let laterConcerns = try later.map {
            try Persistence.fetchAll(Concern.self, db, where: "repair_order_id = ? ORDER BY id", arguments: [$0.id!])
        } ?? []
        let technicians = try Row.fetchAll(db, sql: """
            SELECT DISTINCT s.id, s.name, s.skill_level FROM job j JOIN staff s ON s.id = j.technician_id
            WHERE j.repair_order_id = ? ORDER BY s.name, s.id
            """, arguments: [earlier.id!]).map {
            StaffChoice(id: $0["id"], name: $0["name"], skillLevel: $0["skill_level"])
        }
        var result = ComebackListing(
            comeback: c, earlierNumber: earlier.number, earlierClass: earlier.repairClass,
            earlierDeliveredAt: earlier.stage == .delivered ? earlier.closedAt : nil,
            earlierCategories: unique(earlierConcerns.map(\.category)),
            earlierConcern: earlierConcerns.first?.text ?? "",
            laterNumber: later?.number, laterOpenedAt: later?.openedAt, laterCategories: unique(laterConcerns.map(\.category)),
            laterConcern: laterConcerns.first?.text ?? "", plate: vehicle?.plate ?? "", model: vehicle?.model ?? "",
            technicians: technicians,
            counters: try warrantyCounters(db, vehicle: vehicle, vehicleID: earlier.vehicleID, settings: settings, now: now))
        result.window = settings.window(for: earlier.repairClass)
        return result
    }

    private func unique(_ categories: [ConcernCategory]) -> [ConcernCategory] {
        var seen = Set<ConcernCategory>()
        return categories.filter { seen.insert($0).inserted }
    }

    /// The 三包 counters of one vehicle.
    public func warrantyCounters(vehicleID: RowID, now: Date) throws -> WarrantyCounters {
        let settings = try comebackSettings()
        return try dbPool.read { db in
            try warrantyCounters(db, vehicle: try Persistence.fetch(Vehicle.self, db, id: vehicleID), vehicleID: vehicleID,
                                 settings: settings, now: now)
        }
    }

    func warrantyCounters(_ db: Database, vehicle: Vehicle?, vehicleID: RowID, settings: ComebackSettings,
                          now: Date) throws -> WarrantyCounters {
        let orders = try Persistence.fetchAll(RepairOrder.self, db, where: "vehicle_id = ? AND stage <> 'cancelled'",
                                              arguments: [vehicleID])
        let categories = try categoriesByOrder(db, orders.compactMap(\.id))
        let repairs = orders.map { o in
            VehicleRepair(openedAt: o.openedAt, closedAt: o.stage == .delivered ? o.closedAt : nil, mileage: o.mileageIn,
                          isRepair: o.serviceType != .maintenance, categories: categories[o.id!] ?? [])
        }
        var failures: [ConcernCategory: Int] = [:]
        // `+c.status`: the status index would scan every confirmed comeback of the shop for each car.
        let failed = try RowID.fetchAll(db, sql: """
            SELECT c.earlier_repair_order_id FROM comeback c JOIN repair_order ro ON ro.id = c.earlier_repair_order_id
            WHERE ro.vehicle_id = ? AND +c.status = 'confirmed'
            """, arguments: [vehicleID])
        for id in failed { for c in categories[id] ?? [] { failures[c, default: 0] += 1 } }
        return WarrantyCounters.compute(repairs, failures: failures, warrantyEnd: vehicle?.warrantyEndDate?.start(in: timeZone),
                                        warrantyEndKm: vehicle?.warrantyEndKm, now: now, settings: settings)
    }

    func categoriesByOrder(_ db: Database, _ ids: [RowID]) throws -> [RowID: Set<ConcernCategory>] {
        var result: [RowID: Set<ConcernCategory>] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let rows = try Row.fetchAll(db, sql: """
                SELECT repair_order_id, category FROM concern
                WHERE repair_order_id IN (\(databaseQuestionMarks(count: chunk.count)))
                """, arguments: StatementArguments(chunk))
            for row in rows {
                if let c = ConcernCategory(rawValue: row["category"]) { result[row["repair_order_id"], default: []].insert(c) }
            }
        }
        return result
    }
}
