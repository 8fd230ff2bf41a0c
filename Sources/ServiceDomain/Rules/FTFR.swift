import Foundation

/// One delivered repair visit as the first-time-fix figures see it.
public struct RepairVisit: Sendable, Equatable {
    public var repairOrderID: RowID
    public var advisorID: RowID?
    public var technicianIDs: Set<RowID>
    public var categories: Set<ConcernCategory>
    public var deliveredAt: Date
    /// The confirmed comeback against this visit, with the technician the lead held responsible.
    public var confirmedComeback: Bool
    public var responsibleTechnicianID: RowID?

    public init(repairOrderID: RowID, advisorID: RowID?, technicianIDs: Set<RowID>, categories: Set<ConcernCategory>,
                deliveredAt: Date, confirmedComeback: Bool = false, responsibleTechnicianID: RowID? = nil) {
        self.repairOrderID = repairOrderID
        self.advisorID = advisorID
        self.technicianIDs = technicianIDs
        self.categories = categories
        self.deliveredAt = deliveredAt
        self.confirmedComeback = confirmedComeback
        self.responsibleTechnicianID = responsibleTechnicianID
    }
}

/// A rate with the number of visits beside it, so small samples are visible.
public struct RateRow: Sendable, Equatable {
    public var key: String
    public var visits: Int
    public var comebacks: Int

    public init(key: String, visits: Int, comebacks: Int) {
        self.key = key
        self.visits = visits
        self.comebacks = comebacks
    }

    /// Visits with no confirmed comeback over visits; nil without visits.
    public var firstTimeFixRate: Double? { visits == 0 ? nil : Double(visits - comebacks) / Double(visits) }
    /// Confirmed comebacks over visits; nil without visits.
    public var comebackRate: Double? { visits == 0 ? nil : Double(comebacks) / Double(visits) }
}

/// FTFR (一次修复率) and the comeback rate (返修率), overall and by technician, advisor, category and month.
public struct FTFRFigures: Sendable, Equatable {
    public var overall: RateRow
    public var byTechnician: [RowID: RateRow]
    public var byAdvisor: [RowID: RateRow]
    public var byCategory: [ConcernCategory: RateRow]
    /// Keyed `yyyy-MM` in the shop's time zone, oldest first when sorted.
    public var byMonth: [String: RateRow]

    /// A visit counts for every technician who worked on it; its comeback counts against the technician the
    /// lead held responsible (or, when none was named, against everyone who worked on it).
    public static func compute(_ visits: [RepairVisit], timeZone: TimeZone) -> FTFRFigures {
        var overall = RateRow(key: "", visits: 0, comebacks: 0)
        var tech: [RowID: RateRow] = [:]
        var advisor: [RowID: RateRow] = [:]
        var category: [ConcernCategory: RateRow] = [:]
        var month: [String: RateRow] = [:]
        var months = MonthKeys(timeZone: timeZone)
        func add(_ row: inout RateRow?, key: String, comeback: Bool) {
            var r = row ?? RateRow(key: key, visits: 0, comebacks: 0)
            r.visits += 1
            if comeback { r.comebacks += 1 }
            row = r
        }
        for v in visits {
            let back = v.confirmedComeback
            overall.visits += 1
            if back { overall.comebacks += 1 }
            for t in v.technicianIDs {
                let blamed = back && (v.responsibleTechnicianID == nil || v.responsibleTechnicianID == t)
                add(&tech[t], key: "\(t)", comeback: blamed)
            }
            // A technician blamed who did not work the order still carries the comeback.
            if back, let t = v.responsibleTechnicianID, !v.technicianIDs.contains(t) {
                add(&tech[t], key: "\(t)", comeback: true)
            }
            if let a = v.advisorID { add(&advisor[a], key: "\(a)", comeback: back) }
            for c in v.categories { add(&category[c], key: c.rawValue, comeback: back) }
            let m = months.key(v.deliveredAt)
            add(&month[m], key: m, comeback: back)
        }
        return FTFRFigures(overall: overall, byTechnician: tech, byAdvisor: advisor, byCategory: category, byMonth: month)
    }

    /// `monthKey` for many dates in a row: the visits come in delivery order, so the month of the last
    /// date nearly always holds the next one, and the calendar is asked once per month instead of once
    /// per visit (a third of the report's time at 2,000 visits a month).
    struct MonthKeys {
        let calendar: Calendar
        var last: (interval: DateInterval, key: String)?

        init(timeZone: TimeZone) { calendar = ShopCalendar.calendar(timeZone) }

        mutating func key(_ date: Date) -> String {
            if let last, last.interval.start <= date, date < last.interval.end { return last.key }
            let key = ShopTime.month(date, calendar.timeZone)
            if let interval = calendar.dateInterval(of: .month, for: date) { last = (interval, key) }
            return key
        }
    }

    public static func monthKey(_ date: Date, timeZone: TimeZone) -> String { ShopTime.month(date, timeZone) }
}
