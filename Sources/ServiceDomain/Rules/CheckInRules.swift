import Foundation

/// Amounts typed in yuan ("380", "380.5", "¥1,380.50"), turned into fen exactly: digits are read as
/// integers, never through floating point.
public enum YuanInput {
    /// Largest estimate the desk accepts (¥10,000,000).
    public static let maximum = Fen.yuan(10_000_000)

    /// Blank means zero. Refuses signs, letters, more than two decimals and anything above `maximum`.
    public static func parse(_ raw: String, field: Field = .estimate) throws -> Fen {
        var text = FreeText.sanitize(TextFolding.halfWidth(raw)).replacingOccurrences(of: " ", with: "")
        if text.hasPrefix("¥") || text.hasPrefix("￥") { text.removeFirst() }
        if text.hasSuffix("元") { text.removeLast() }
        text = text.replacingOccurrences(of: ",", with: "")
        if text.isEmpty { return .zero }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        guard parts.count <= 2, !(whole.isEmpty && fraction.isEmpty),
              whole.allSatisfy(TextFolding.isASCIIDigit), fraction.allSatisfy(TextFolding.isASCIIDigit) else {
            throw ValidationError(field, zh: "\(field.label.zh)请填写金额（元），例如 380 或 380.50",
                                  en: "\(field.label.en): enter an amount in yuan, e.g. 380 or 380.50")
        }
        guard fraction.count <= 2 else {
            throw ValidationError(field, zh: "\(field.label.zh)最多两位小数（角、分）",
                                  en: "\(field.label.en): at most two decimals (fen)")
        }
        guard whole.count <= 9 else { throw tooLarge(field) }
        let yuan = Int64(whole.isEmpty ? "0" : String(whole))!
        let cents = Int64((fraction + String(repeating: "0", count: 2 - fraction.count)))!
        let fen = Fen(yuan * 100 + cents)
        guard fen <= maximum else { throw tooLarge(field) }
        return fen
    }

    /// `38050` → `"380.50"`; whole yuan without decimals (`"380"`).
    public static func format(_ fen: Fen) -> String {
        let yuan = fen.value / 100
        let cents = fen.value % 100
        if cents == 0 { return String(yuan) }
        return "\(yuan)." + (cents < 10 ? "0\(cents)" : "\(cents)")
    }

    private static func tooLarge(_ field: Field) -> ValidationError {
        ValidationError(field, zh: "\(field.label.zh)超过上限 ¥10,000,000，请核对",
                        en: "\(field.label.en) is above the ¥10,000,000 limit; check it")
    }
}

/// Estimated labour hours typed as "1.5" or "2": read exactly, in minutes.
public enum LabourHoursInput {
    public static func minutes(_ raw: String) throws -> Int {
        let text = FreeText.sanitize(TextFolding.halfWidth(raw)).replacingOccurrences(of: " ", with: "")
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard !text.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(TextFolding.isASCIIDigit) }),
              parts[0].count <= 3, (parts.count == 1 || (1...2).contains(parts[1].count)) else {
            throw ValidationError(.other, zh: "工时请填写小时数，例如 1.5", en: "Labour hours: enter hours, e.g. 1.5")
        }
        let hours = Int(parts[0].isEmpty ? "0" : String(parts[0]))!
        var fraction = parts.count > 1 ? String(parts[1]) : "0"
        if fraction.count == 1 { fraction += "0" }
        let minutes = hours * 60 + (Int(fraction)! * 60 + 50) / 100
        guard minutes > 0, minutes <= 200 * 60 else {
            throw ValidationError(.other, zh: "工时应在 0.1 到 200 小时之间", en: "Labour hours must be between 0.1 and 200")
        }
        return minutes
    }

    /// 90 → "1.5"
    public static func format(minutes: Int) -> String {
        let tenths = (minutes * 10 + 30) / 60
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }
}

/// The promised time: suggested from the labour hours, typed as a time, and always in the future.
public enum PromisedTime {
    /// QC, washing and paperwork after the labour itself.
    public static let handoverMinutes = 30

    /// `now` + labour + handover, rounded up to the next quarter hour; work that runs past closing
    /// continues the next morning from opening.
    public static func suggest(now: Date, labourMinutes: Int, hours: ShopHours, timeZone: TimeZone) -> Date {
        var remaining = max(0, labourMinutes) + handoverMinutes
        var dayStart = ShopCalendar.startOfDay(now, timeZone)
        var minute = max(ShopCalendar.minuteOfDay(now, timeZone), hours.openMinute)
        if minute >= hours.closeMinute {
            dayStart = ShopCalendar.addDays(1, to: dayStart, timeZone)
            minute = hours.openMinute
        }
        let workingDay = max(15, hours.closeMinute - hours.openMinute)
        while minute + remaining > hours.closeMinute {
            remaining -= max(0, hours.closeMinute - minute)
            dayStart = ShopCalendar.addDays(1, to: dayStart, timeZone)
            minute = hours.openMinute
            if remaining > workingDay * 60 { break } // absurd estimates: stop rolling days
        }
        var end = minute + remaining
        end = (end + 14) / 15 * 15
        return dayStart.addingTimeInterval(TimeInterval(end * 60))
    }

    /// Refuses a promise that is not in the future.
    public static func validate(_ promised: Date, now: Date) throws {
        if promised <= now {
            throw ValidationError(.promisedTime, zh: "承诺交车时间必须晚于现在", en: "The promised time must be in the future")
        }
    }

    /// Reads "16:30" (today), "11-23 16:30" or "2026-11-23 16:30" in the shop's zone.
    public static func parse(_ raw: String, now: Date, timeZone: TimeZone) throws -> Date {
        let text = FreeText.sanitize(TextFolding.halfWidth(raw)).trimmingCharacters(in: .whitespaces)
        let cal = ShopCalendar.calendar(timeZone)
        let today = cal.dateComponents([.year, .month, .day], from: now)
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        var y = today.year!, mo = today.month!, d = today.day!
        var timePart = parts.last.map(String.init) ?? ""
        if parts.count == 2 {
            let date = parts[0].split(separator: "-").map { Int($0) }
            switch date.count {
            case 2: guard let m = date[0], let dd = date[1] else { throw bad() }; mo = m; d = dd
            case 3: guard let yy = date[0], let m = date[1], let dd = date[2] else { throw bad() }; y = yy; mo = m; d = dd
            default: throw bad()
            }
        } else if parts.count != 1 {
            throw bad()
        }
        timePart = timePart.replacingOccurrences(of: "：", with: ":")
        guard let minute = ShopHours.minuteOfDay(timePart), minute < 24 * 60 else { throw bad() }
        let comps = DateComponents(year: y, month: mo, day: d, hour: minute / 60, minute: minute % 60)
        guard let date = cal.date(from: comps),
              cal.dateComponents([.month, .day], from: date) == DateComponents(month: mo, day: d) else { throw bad() }
        // "01-02 10:00" typed in late December means next January.
        if parts.count == 2, parts[0].split(separator: "-").count == 2, date < now.addingTimeInterval(-180 * 86_400),
           let nextYear = cal.date(byAdding: .year, value: 1, to: date) {
            return nextYear
        }
        return date
    }

    /// "11-23 16:30", the form's own format (parse accepts it back).
    public static func format(_ date: Date, timeZone: TimeZone) -> String {
        ShopTime.monthDayClock(date, timeZone)
    }

    private static func bad() -> ValidationError {
        ValidationError(.promisedTime, zh: "承诺交车时间格式：16:30 或 11-23 16:30",
                        en: "Promised time: 16:30 or 11-23 16:30")
    }
}

/// Defaults the desk fills in so the clerk types less.
public enum CheckInDefaults {
    /// A category guessed from the customer's words; `.other` when nothing matches.
    public static func category(for concern: String) -> ConcernCategory {
        let text = concern.lowercased()
        let table: [(ConcernCategory, [String])] = [
            (.maintenance, ["保养", "机油", "换油", "首保", "maintenance", "oil", "service"]),
            (.brakes, ["刹车", "制动", "brake"]),
            (.airConditioning, ["空调", "制冷", "暖风", "a/c", "aircon", "air con"]),
            (.tyres, ["轮胎", "胎压", "补胎", "tyre", "tire"]),
            (.noise, ["异响", "噪音", "响声", "noise", "rattle", "squeak"]),
            (.transmission, ["变速箱", "换挡", "挂挡", "离合", "gearbox", "transmission", "clutch"]),
            (.engine, ["发动机", "抖动", "故障灯", "熄火", "engine", "misfire"]),
            (.electrical, ["电瓶", "电池", "灯", "电路", "车机", "battery", "electric", "light"]),
            (.suspension, ["悬挂", "减震", "跑偏", "方向盘", "suspension", "steering"]),
            (.body, ["钣金", "喷漆", "刮", "凹", "划痕", "paint", "dent", "scratch", "body"]),
        ]
        for (category, words) in table where words.contains(where: { text.contains($0) }) { return category }
        return .other
    }

    /// Maintenance concerns make a maintenance order; everything else a repair.
    public static func serviceType(for category: ConcernCategory) -> ServiceType {
        category == .maintenance ? .maintenance : .repair
    }

    /// The repair class that decides the quality-warranty window; the workshop may change it.
    public static func repairClass(for type: ServiceType) -> RepairClass {
        type == .maintenance ? .level1Maintenance : .minorRepair
    }

    /// Labour hours suggested before the clerk says otherwise (minutes).
    public static func labourMinutes(for type: ServiceType) -> Int {
        switch type {
        case .maintenance: 60
        case .repair, .warranty, .recall: 120
        case .accident: 480
        }
    }
}

/// A vehicle back soon after a closed repair may be a comeback (a repair that did not fix it).
public enum ComebackWarning {
    /// The most recent delivered order of `vehicleID` whose repair quality-warranty window (by its repair
    /// class, whichever of days and km comes first; see `ComebackRules`) still covers a visit at `now`.
    /// Concerns are not known yet at reception, so the warning is on the window alone.
    public static func recentRepair(vehicleID: RowID, visits: [RepairOrder], now: Date, mileage: Int? = nil,
                                    settings: ComebackSettings = .init()) -> RepairOrder? {
        visits
            .filter { $0.vehicleID == vehicleID && $0.stage == .delivered }
            .filter { ro in
                guard let closed = ro.closedAt else { return false }
                return ComebackRules.isWithinWindow(deliveredAt: closed, deliveredMileage: ro.mileageIn,
                                                    repairClass: ro.repairClass, openedAt: now, mileage: mileage,
                                                    settings: settings)
            }
            .max { ($0.closedAt ?? .distantPast) < ($1.closedAt ?? .distantPast) }
    }
}
