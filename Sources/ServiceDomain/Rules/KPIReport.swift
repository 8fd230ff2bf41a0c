import Foundation

/// A reporting period: `[start, end)` in the shop's time zone.
public struct ReportPeriod: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable { case day, week, month, custom }
    public var kind: Kind
    public var start: Date
    public var end: Date

    public init(kind: Kind, start: Date, end: Date) {
        self.kind = kind
        self.start = start
        self.end = end
    }

    static func calendar(_ timeZone: TimeZone) -> Calendar {
        var c = ShopCalendar.calendar(timeZone)
        c.firstWeekday = 2  // weeks start on Monday in China
        return c
    }

    /// The day, week (Monday first) or month holding `date`.
    public static func containing(_ date: Date, kind: Kind, timeZone: TimeZone) -> ReportPeriod {
        let cal = calendar(timeZone)
        let component: Calendar.Component = switch kind {
        case .day, .custom: .day
        case .week: .weekOfYear
        case .month: .month
        }
        let interval = cal.dateInterval(of: component, for: date)!
        return ReportPeriod(kind: kind == .custom ? .day : kind, start: interval.start, end: interval.end)
    }

    /// The period before (`-1`) or after (`+1`) this one, of the same kind.
    public func shifted(by steps: Int, timeZone: TimeZone) -> ReportPeriod {
        let cal = Self.calendar(timeZone)
        let component: Calendar.Component = switch kind {
        case .day, .custom: .day
        case .week: .weekOfYear
        case .month: .month
        }
        if kind == .custom {
            let length = end.timeIntervalSince(start)
            return ReportPeriod(kind: .custom, start: start.addingTimeInterval(length * Double(steps)),
                                end: end.addingTimeInterval(length * Double(steps)))
        }
        let moved = cal.date(byAdding: component, value: steps, to: start)!
        return Self.containing(moved, kind: kind, timeZone: timeZone)
    }

    /// Reads `2026-11` (a month) or `2026-11-22` (a day) or `2026-11-01..2026-11-15` (custom, both days included).
    public static func parse(_ text: String, timeZone: TimeZone) -> ReportPeriod? {
        let t = text.trimmingCharacters(in: .whitespaces)
        let cal = calendar(timeZone)
        func day(_ s: String) -> Date? {
            let p = s.split(separator: "-").compactMap { Int($0) }
            guard p.count == 3, (1...12).contains(p[1]), (1...31).contains(p[2]) else { return nil }
            return cal.date(from: DateComponents(year: p[0], month: p[1], day: p[2]))
        }
        if let range = t.range(of: "..") {
            guard let a = day(String(t[..<range.lowerBound])), let b = day(String(t[range.upperBound...])), a <= b
            else { return nil }
            return ReportPeriod(kind: .custom, start: a, end: cal.date(byAdding: .day, value: 1, to: b)!)
        }
        let parts = t.split(separator: "-").compactMap { Int($0) }
        if parts.count == 2, t.split(separator: "-").count == 2, (1...12).contains(parts[1]), parts[0] > 1900,
           let first = cal.date(from: DateComponents(year: parts[0], month: parts[1], day: 1)) {
            return containing(first, kind: .month, timeZone: timeZone)
        }
        if let d = day(t) { return containing(d, kind: .day, timeZone: timeZone) }
        return nil
    }

    /// `2026-11`, `2026-11-22`, `2026-11-16..2026-11-22`.
    public func label(timeZone: TimeZone) -> String {
        func d(_ date: Date) -> String { ShopTime.date(date, timeZone) }
        switch kind {
        case .month: return ShopTime.month(start, timeZone)
        case .day: return d(start)
        case .week, .custom: return "\(d(start))..\(d(end.addingTimeInterval(-1)))"
        }
    }
}

/// The shop's targets shown beside each KPI tile (shop settings; defaults are common 4S-store targets).
public struct KPITargets: Sendable, Equatable {
    public var firstTimeFixRate = 0.95
    public var comebackRate = 0.05
    public var callbackCompletion = 0.95
    public var averageSatisfaction = 9.0
    public var topBoxShare = 0.80
    public var onTimeDelivery = 0.90
    public var averageHoursInWorkshop = 24.0
    public var appointmentShare = 0.40
    public var noShowRate = 0.10
    public var firstContactHours = 24.0
    public var resolutionHours = 72.0
    public init() {}
}

/// One delivered order's timing, for on-time delivery and time in the workshop.
public struct DeliveryTiming: Sendable, Equatable {
    public var openedAt: Date
    public var promisedAt: Date
    public var deliveredAt: Date
    public var fromAppointment: Bool
    public init(openedAt: Date, promisedAt: Date, deliveredAt: Date, fromAppointment: Bool) {
        self.openedAt = openedAt
        self.promisedAt = promisedAt
        self.deliveredAt = deliveredAt
        self.fromAppointment = fromAppointment
    }
}

/// Every figure of the reports panel and `advisor report` for one period.
public struct KPIReport: Sendable, Equatable {
    public var period: ReportPeriod
    public var ftfr: FTFRFigures
    public var followUp: FollowUpFigures
    public var ordersOpened: Int
    public var ordersFromAppointments: Int
    public var delivered: Int
    public var deliveredOnTime: Int
    public var averageHoursInWorkshop: Double?
    public var noShows: Int
    public var appointmentsConcluded: Int
    /// Monthly FTFR rows over the trend window, oldest first.
    public var trend: [RateRow]

    public var onTimeDeliveryRate: Double? { delivered == 0 ? nil : Double(deliveredOnTime) / Double(delivered) }
    public var appointmentShare: Double? { ordersOpened == 0 ? nil : Double(ordersFromAppointments) / Double(ordersOpened) }
    public var noShowRate: Double? { appointmentsConcluded == 0 ? nil : Double(noShows) / Double(appointmentsConcluded) }
    public var callbackCompletionRate: Double? {
        followUp.callbacksDue == 0 ? nil : Double(followUp.completedWithinWindow) / Double(followUp.callbacksDue)
    }

    public init(period: ReportPeriod, ftfr: FTFRFigures, followUp: FollowUpFigures, ordersOpened: Int,
                ordersFromAppointments: Int, delivered: Int, deliveredOnTime: Int, averageHoursInWorkshop: Double?,
                noShows: Int, appointmentsConcluded: Int, trend: [RateRow]) {
        self.period = period
        self.ftfr = ftfr
        self.followUp = followUp
        self.ordersOpened = ordersOpened
        self.ordersFromAppointments = ordersFromAppointments
        self.delivered = delivered
        self.deliveredOnTime = deliveredOnTime
        self.averageHoursInWorkshop = averageHoursInWorkshop
        self.noShows = noShows
        self.appointmentsConcluded = appointmentsConcluded
        self.trend = trend
    }

    /// On-time deliveries and the mean hours from check-in to delivery.
    public static func timing(_ deliveries: [DeliveryTiming]) -> (onTime: Int, averageHours: Double?) {
        let onTime = deliveries.filter { $0.deliveredAt <= $0.promisedAt }.count
        guard !deliveries.isEmpty else { return (onTime, nil) }
        let hours = deliveries.reduce(0.0) { $0 + $1.deliveredAt.timeIntervalSince($1.openedAt) / 3600 }
        return (onTime, hours / Double(deliveries.count))
    }
}
