import Foundation
import GRDB
import ServiceDomain

extension AppDatabase {
    /// The shop's KPI targets (settings `kpi.target.<name>`, a number), defaults otherwise.
    public func kpiTargets() throws -> KPITargets {
        var t = KPITargets()
        func value(_ name: String, _ field: WritableKeyPath<KPITargets, Double>) throws {
            if let text = try setting(key: "kpi.target.\(name)"), let v = Double(text), v >= 0 { t[keyPath: field] = v }
        }
        try value("firstTimeFixRate", \.firstTimeFixRate)
        try value("comebackRate", \.comebackRate)
        try value("callbackCompletion", \.callbackCompletion)
        try value("averageSatisfaction", \.averageSatisfaction)
        try value("topBoxShare", \.topBoxShare)
        try value("onTimeDelivery", \.onTimeDelivery)
        try value("averageHoursInWorkshop", \.averageHoursInWorkshop)
        try value("appointmentShare", \.appointmentShare)
        try value("noShowRate", \.noShowRate)
        try value("firstContactHours", \.firstContactHours)
        try value("resolutionHours", \.resolutionHours)
        return t
    }

    /// Repair visits (not maintenance) delivered in `[from, to)`, with who worked them and their confirmed comeback.
    public func repairVisits(from: Date, to: Date) throws -> [RepairVisit] {
        try dbPool.read { db in try repairVisits(db, from: from, to: to) }
    }

    func repairVisits(_ db: Database, from: Date, to: Date) throws -> [RepairVisit] {
        let scope = """
            FROM repair_order ro WHERE ro.stage = 'delivered' AND ro.service_type <> 'maintenance'
            AND ro.closed_at >= ? AND ro.closed_at < ?
            """
        var visits: [RowID: RepairVisit] = [:]
        var order: [RowID] = []
        for row in try Row.fetchAll(db, sql: "SELECT ro.id, ro.advisor_id, ro.closed_at \(scope) ORDER BY ro.closed_at, ro.id",
                                    arguments: [from, to]) {
            let id: RowID = row["id"]
            order.append(id)
            visits[id] = RepairVisit(repairOrderID: id, advisorID: row["advisor_id"], technicianIDs: [], categories: [],
                                     deliveredAt: row["closed_at"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT j.repair_order_id, j.technician_id FROM job j
            WHERE j.technician_id IS NOT NULL AND j.repair_order_id IN (SELECT ro.id \(scope))
            """, arguments: [from, to]) {
            visits[row["repair_order_id"]]?.technicianIDs.insert(row["technician_id"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT c.repair_order_id, c.category FROM concern c WHERE c.repair_order_id IN (SELECT ro.id \(scope))
            """, arguments: [from, to]) {
            if let category = ConcernCategory(rawValue: row["category"]) {
                visits[row["repair_order_id"]]?.categories.insert(category)
            }
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT c.earlier_repair_order_id, c.responsible_technician_id FROM comeback c
            WHERE c.status = 'confirmed' AND c.earlier_repair_order_id IN (SELECT ro.id \(scope))
            """, arguments: [from, to]) {
            let id: RowID = row["earlier_repair_order_id"]
            visits[id]?.confirmedComeback = true
            visits[id]?.responsibleTechnicianID = row["responsible_technician_id"]
        }
        return order.compactMap { visits[$0] }
    }

    /// Every figure of the reports for `period`; `trendMonths` monthly FTFR rows end with the period's month.
    public func kpiReport(period: ReportPeriod, timeZone: TimeZone, trendMonths: Int = 6) throws -> KPIReport {
        let followUp = try followUpFigures(from: period.start, to: period.end)
        let appointments = try noShowRate(from: period.start, to: period.end)
        return try dbPool.read { db in
            let ftfr = FTFRFigures.compute(try repairVisits(db, from: period.start, to: period.end), timeZone: timeZone)
            let opened = try Row.fetchOne(db, sql: """
                SELECT COUNT(*) AS n, COUNT(appointment_id) AS booked FROM repair_order
                WHERE opened_at >= ? AND opened_at < ? AND stage <> 'cancelled'
                """, arguments: [period.start, period.end])!
            let deliveries = try Row.fetchAll(db, sql: """
                SELECT opened_at, promised_at, closed_at, appointment_id FROM repair_order
                WHERE stage = 'delivered' AND closed_at >= ? AND closed_at < ?
                """, arguments: [period.start, period.end]).map {
                DeliveryTiming(openedAt: $0["opened_at"], promisedAt: $0["promised_at"], deliveredAt: $0["closed_at"],
                               fromAppointment: ($0["appointment_id"] as RowID?) != nil)
            }
            let timing = KPIReport.timing(deliveries)
            var trend: [RateRow] = []
            var month = ReportPeriod.containing(period.start, kind: .month, timeZone: timeZone)
                .shifted(by: -(trendMonths - 1), timeZone: timeZone)
            for _ in 0..<trendMonths {
                // Two plain counts: a correlated EXISTS per order lets SQLite pick the status index and scan.
                let scope = """
                    SELECT ro.id FROM repair_order ro WHERE ro.stage = 'delivered' AND ro.service_type <> 'maintenance'
                    AND ro.closed_at >= ? AND ro.closed_at < ?
                    """
                let visits = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM (\(scope))",
                                              arguments: [month.start, month.end]) ?? 0
                let comebacks = try Int.fetchOne(db, sql: """
                    SELECT COUNT(DISTINCT c.earlier_repair_order_id) FROM comeback c
                    WHERE c.status = 'confirmed' AND c.earlier_repair_order_id IN (\(scope))
                    """, arguments: [month.start, month.end]) ?? 0
                trend.append(RateRow(key: month.label(timeZone: timeZone), visits: visits, comebacks: comebacks))
                month = month.shifted(by: 1, timeZone: timeZone)
            }
            return KPIReport(period: period, ftfr: ftfr, followUp: followUp, ordersOpened: opened["n"],
                             ordersFromAppointments: opened["booked"], delivered: deliveries.count,
                             deliveredOnTime: timing.onTime, averageHoursInWorkshop: timing.averageHours,
                             noShows: appointments.noShows, appointmentsConcluded: appointments.concluded, trend: trend)
        }
    }

    /// Staff names by id, for the report tables (inactive staff keep their name in old figures).
    public func staffNames() throws -> [RowID: String] {
        Dictionary(uniqueKeysWithValues: try allStaff().compactMap { s in s.id.map { ($0, s.name) } })
    }
}
