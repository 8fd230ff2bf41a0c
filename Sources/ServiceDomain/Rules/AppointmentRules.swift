import Foundation

/// The shop's booking grid: opening hours, slot length and how many cars each slot takes per lane.
/// Times of day are minutes from midnight in the shop's time zone.
public struct ShopHours: Sendable, Equatable {
    public var openMinute: Int
    public var closeMinute: Int
    public var slotMinutes: Int
    /// Advisors (or bays) free per regular slot.
    public var regularCapacity: Int
    /// Cars per slot in the express-maintenance lane.
    public var expressCapacity: Int

    public init(openMinute: Int = 8 * 60 + 30, closeMinute: Int = 18 * 60, slotMinutes: Int = 30,
                regularCapacity: Int = 4, expressCapacity: Int = 2) {
        self.openMinute = openMinute
        self.closeMinute = closeMinute
        self.slotMinutes = slotMinutes
        self.regularCapacity = regularCapacity
        self.expressCapacity = expressCapacity
    }

    public static let standard = ShopHours()

    public func capacity(_ lane: Lane) -> Int { lane == .express ? expressCapacity : regularCapacity }

    /// The slot starts of the day that contains `day`, from opening to the last slot that ends by closing.
    public func slots(on day: Date, timeZone: TimeZone) -> [Date] {
        let start = ShopCalendar.startOfDay(day, timeZone)
        guard slotMinutes > 0 else { return [] }
        var result: [Date] = []
        var minute = openMinute
        while minute + slotMinutes <= closeMinute {
            result.append(start.addingTimeInterval(TimeInterval(minute * 60)))
            minute += slotMinutes
        }
        return result
    }

    /// `"08:30"` → 510; nil for anything that is not a time of day.
    public static func minuteOfDay(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 24 * 60 else { return nil }
        return h * 60 + m
    }
}

extension AppointmentStatus {
    /// Still expected at the shop: takes a place in its slot.
    public var holdsCapacity: Bool { self == .booked || self == .confirmed || self == .rescheduled || self == .arrived }
    /// The appointment's outcome is known (for the no-show rate).
    public var isConcluded: Bool { self == .arrived || self == .noShow }
}

/// Capacity, status changes and the no-show rate of appointments.
public enum AppointmentRules {
    public enum CapacityDecision: Sendable, Equatable {
        case fits
        /// The slot is full; booking needs an override with a reason.
        case full(booked: Int, capacity: Int)
    }

    /// Whether one more car fits in `slotStart`'s `lane`, given the appointments already there
    /// (`excluding` one being moved). Cancelled and no-show appointments free their place.
    public static func capacity(for slotStart: Date, lane: Lane, existing: [Appointment], hours: ShopHours,
                                excluding: RowID? = nil) -> CapacityDecision {
        let booked = existing.filter {
            $0.slotStart == slotStart && $0.lane == lane && $0.status.holdsCapacity && ($0.id == nil || $0.id != excluding)
        }.count
        let capacity = hours.capacity(lane)
        return booked < capacity ? .fits : .full(booked: booked, capacity: capacity)
    }

    /// Checks a new or moved booking: not in the past, inside opening hours, and within capacity unless
    /// `overrideReason` says why the shop takes one more. Returns the reason to record ("" when it fit).
    public static func checkBooking(slotStart: Date, lane: Lane, existing: [Appointment], hours: ShopHours,
                                    overrideReason: String, now: Date, timeZone: TimeZone,
                                    excluding: RowID? = nil) throws -> String {
        if slotStart < now.addingTimeInterval(-TimeInterval(hours.slotMinutes * 60)) {
            throw ValidationError(.date, zh: "不能预约已经过去的时段", en: "That slot is already in the past; choose a later one")
        }
        let minute = ShopCalendar.minuteOfDay(slotStart, timeZone)
        if minute < hours.openMinute || minute + hours.slotMinutes > hours.closeMinute {
            throw ValidationError(.date, zh: "该时段不在营业时间内", en: "That slot is outside the shop's hours")
        }
        switch capacity(for: slotStart, lane: lane, existing: existing, hours: hours, excluding: excluding) {
        case .fits:
            return ""
        case .full(let booked, let cap):
            let reason = FreeText.sanitize(overrideReason)
            if reason.isEmpty {
                let laneZh = lane == .express ? "快保通道" : "常规"
                let laneEn = lane == .express ? "express lane" : "regular lane"
                throw ValidationError(
                    .reason,
                    zh: "该时段\(laneZh)已满（已约 \(booked)/\(cap)）；如确需加约，请填写加约原因后再保存",
                    en: "This slot's \(laneEn) is full (\(booked)/\(cap) booked); to book anyway, give an override reason and save again")
            }
            return reason
        }
    }

    /// Which status changes the desk may make. A no-show can only be marked once the slot has begun.
    /// A no-show may still arrive: the customer turned up late.
    public static func checkTransition(_ appointment: Appointment, to next: AppointmentStatus, now: Date) throws {
        if appointment.status == .noShow && next == .arrived { return }
        guard openStatuses.contains(appointment.status) else {
            throw ValidationError(.other, zh: "该预约已是“\(label(appointment.status).zh)”，不能再修改",
                                  en: "This appointment is already \(label(appointment.status).en.lowercased()); it cannot change")
        }
        if next == .noShow && now < appointment.slotStart {
            throw ValidationError(.other, zh: "预约时间还没到，不能标记为爽约",
                                  en: "The slot has not started yet; it cannot be a no-show")
        }
        if next == .booked {
            throw ValidationError(.other, zh: "不能改回“已预约”", en: "An appointment cannot go back to booked")
        }
    }

    /// Still expected at the shop (the desk may confirm, move, cancel or mark it).
    public static let openStatuses: Set<AppointmentStatus> = [.booked, .confirmed, .rescheduled]

    /// Undoing a no-show marked by mistake: the appointment goes back to the status it had before
    /// (`previous`, booked when not known).
    public static func undoNoShow(_ appointment: Appointment, previous: AppointmentStatus?) throws -> AppointmentStatus {
        guard appointment.status == .noShow else {
            throw ValidationError(.other, zh: "该预约不是“爽约”，无需撤销",
                                  en: "This appointment is not a no-show; there is nothing to undo")
        }
        return previous.flatMap { openStatuses.contains($0) ? $0 : nil } ?? .booked
    }

    /// No-shows among the appointments whose outcome is known (arrived or no-show).
    public static func noShowRate(_ appointments: [Appointment]) -> (noShows: Int, concluded: Int) {
        let concluded = appointments.filter { $0.status.isConcluded }
        return (concluded.filter { $0.status == .noShow }.count, concluded.count)
    }

    /// `12.5%`, or "—" when no appointment has concluded.
    public static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = (part * 1000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    public static func label(_ status: AppointmentStatus) -> Message {
        switch status {
        case .booked: Message(zh: "已预约", en: "Booked")
        case .confirmed: Message(zh: "已确认", en: "Confirmed")
        case .rescheduled: Message(zh: "已改约", en: "Rescheduled")
        case .cancelled: Message(zh: "已取消", en: "Cancelled")
        case .noShow: Message(zh: "爽约", en: "No-show")
        case .arrived: Message(zh: "已到店", en: "Arrived")
        }
    }
}
