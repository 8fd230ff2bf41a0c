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
        var visits: [RowID: RepairVisit] = [:]
        var order: [RowID] = []
        let arguments: StatementArguments = [from, to]
        // Cursors throughout: thousands of rows a month, each read where it lies (see `Persistence.records`).
        try Row.fetchCursor(db, sql: KPIReportSQL.visits, arguments: arguments).forEach { row in
            let id: RowID = row["id"]
            order.append(id)
            visits[id] = RepairVisit(repairOrderID: id, advisorID: row["advisor_id"], technicianIDs: [], categories: [],
                                     deliveredAt: row["closed_at"])
        }
        try Row.fetchCursor(db, sql: KPIReportSQL.visitTechnicians, arguments: arguments).forEach { row in
            visits[row["repair_order_id"]]?.technicianIDs.insert(row["technician_id"])
        }
        try Row.fetchCursor(db, sql: KPIReportSQL.visitConcerns, arguments: arguments).forEach { row in
            if let category = ConcernCategory(rawValue: row["category"]) {
                visits[row["repair_order_id"]]?.categories.insert(category)
            }
        }
        try Row.fetchCursor(db, sql: KPIReportSQL.visitComebacks, arguments: arguments).forEach { row in
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
            let opened = try Row.fetchOne(db, sql: KPIReportSQL.ordersOpened, arguments: [period.start, period.end])!
            var deliveries: [DeliveryTiming] = []
            try Row.fetchCursor(db, sql: KPIReportSQL.deliveries, arguments: [period.start, period.end]).forEach {
                deliveries.append(DeliveryTiming(openedAt: $0["opened_at"], promisedAt: $0["promised_at"],
                                                 deliveredAt: $0["closed_at"], fromAppointment: ($0["appointment_id"] as RowID?) != nil))
            }
            let timing = KPIReport.timing(deliveries)
            var trend: [RateRow] = []
            for month in KPIReportSQL.trendMonths(period: period, timeZone: timeZone, count: trendMonths) {
                let visits = try Int.fetchOne(db, sql: KPIReportSQL.trendVisits, arguments: [month.start, month.end]) ?? 0
                let comebacks = try Int.fetchOne(db, sql: KPIReportSQL.trendComebacks, arguments: [month.start, month.end]) ?? 0
                trend.append(RateRow(key: month.label(timeZone: timeZone), visits: visits, comebacks: comebacks))
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

/// The SQL of the reports, public so the benchmark's `sqlite3` baseline runs exactly what the store runs.
/// Every statement takes two arguments: the start and the end of a period, `[start, end)`.
public enum KPIReportSQL {
    /// Repair visits (not maintenance) delivered in the period.
    static let repairScope = """
        FROM repair_order ro WHERE ro.stage = 'delivered' AND ro.service_type <> 'maintenance'
        AND ro.closed_at >= ? AND ro.closed_at < ?
        """
    public static let visits = "SELECT ro.id, ro.advisor_id, ro.closed_at \(repairScope) ORDER BY ro.closed_at, ro.id"
    public static let visitTechnicians = """
        SELECT j.repair_order_id, j.technician_id FROM job j
        WHERE j.technician_id IS NOT NULL AND j.repair_order_id IN (SELECT ro.id \(repairScope))
        """
    public static let visitConcerns = """
        SELECT c.repair_order_id, c.category FROM concern c WHERE c.repair_order_id IN (SELECT ro.id \(repairScope))
        """
    public static let visitComebacks = """
        SELECT c.earlier_repair_order_id, c.responsible_technician_id FROM comeback c
        WHERE c.status = 'confirmed' AND c.earlier_repair_order_id IN (SELECT ro.id \(repairScope))
        """
    public static let ordersOpened = """
        SELECT COUNT(*) AS n, COUNT(appointment_id) AS booked FROM repair_order
        WHERE opened_at >= ? AND opened_at < ? AND stage <> 'cancelled'
        """
    public static let deliveries = """
        SELECT opened_at, promised_at, closed_at, appointment_id FROM repair_order
        WHERE stage = 'delivered' AND closed_at >= ? AND closed_at < ?
        """
    // Two plain counts per trend month: a correlated EXISTS per order lets SQLite pick the status index and scan.
    public static let trendVisits = "SELECT COUNT(*) FROM (SELECT ro.id \(repairScope))"
    public static let trendComebacks = """
        SELECT COUNT(DISTINCT c.earlier_repair_order_id) FROM comeback c
        WHERE c.status = 'confirmed' AND c.earlier_repair_order_id IN (SELECT ro.id \(repairScope))
        """
    /// `followUpFigures` and `noShowRate`, which the report also reads.
    public static let callbacksDue = "SELECT * FROM callback WHERE due_at >= ? AND due_at < ?"
    public static let complaintsOpened = "SELECT * FROM complaint WHERE opened_at >= ? AND opened_at < ?"
    public static let appointments = "SELECT * FROM appointment WHERE slot_start >= ? AND slot_start < ? ORDER BY slot_start, id"

    /// The `count` months of the FTFR trend, ending with the period's month.
    public static func trendMonths(period: ReportPeriod, timeZone: TimeZone, count: Int) -> [ReportPeriod] {
        var month = ReportPeriod.containing(period.start, kind: .month, timeZone: timeZone)
            .shifted(by: -(count - 1), timeZone: timeZone)
        var months: [ReportPeriod] = []
        for _ in 0..<max(0, count) {
            months.append(month)
            month = month.shifted(by: 1, timeZone: timeZone)
        }
        return months
    }

    /// Every statement `kpiReport` runs for `period`, with its period: what the baseline runs.
    public static func statements(period: ReportPeriod, timeZone: TimeZone, trendMonths count: Int = 6)
        -> [(sql: String, start: Date, end: Date)] {
        let once = [callbacksDue, complaintsOpened, appointments, visits, visitTechnicians, visitConcerns, visitComebacks,
                    ordersOpened, deliveries].map { ($0, period.start, period.end) }
        return once + trendMonths(period: period, timeZone: timeZone, count: count).flatMap { month in
            [(trendVisits, month.start, month.end), (trendComebacks, month.start, month.end)]
        }
    }
}
