import Foundation
import ScreenKit
import ServiceDomain

// The day view lists the store's `AppointmentListing` (ServiceDomain) as it comes.

/// A line of the day view: a slot with its occupancy, or an appointment under its slot.
public enum DayLine: Sendable, Equatable {
    case slot(start: Date, regular: Int, express: Int)
    case appointment(AppointmentListing)
}

public enum BookingField: Int, Sendable, CaseIterable {
    case search, lane, serviceType, concerns, waiter, overrideReason
    /// A new customer's fields, shown instead of the search (Ctrl-N).
    case name, phone, plate, vin, model
    public var isText: Bool { ![.lane, .serviceType, .waiter].contains(self) }

    /// The same field of the new-customer entry shared with check-in.
    public var newCustomerField: CheckInField? {
        switch self {
        case .name: .name
        case .phone: .phone
        case .plate: .plate
        case .vin: .vin
        case .model: .model
        default: nil
        }
    }

    public init?(_ field: CheckInField) {
        guard let match = Self.allCases.first(where: { $0.newCustomerField == field }) else { return nil }
        self = match
    }
}

/// Booking a slot: find the customer's car, then lane, service type, concerns, waiter or drop-off.
public struct BookingForm: Sendable, Equatable {
    public var slotStart: Date
    public var query = TextInputState()
    public var rows: [FindRow] = []
    public var table = TableState()
    /// The car chosen from the search (Enter on a row).
    public var chosen: FindRow?
    /// A customer not on file yet (Ctrl-N): created with their car when the booking is saved.
    public var newCustomer: NewCustomerEntry?
    /// After Ctrl-O on a duplicate: this car is chosen as soon as the search finds it.
    public var pendingVehicleID: RowID?
    public var lane: Lane = .regular
    public var serviceType: ServiceType = .maintenance
    public var concerns = TextInputState()
    public var isWaiter = false
    public var overrideReason = TextInputState()
    /// The slot was full: the override reason field is shown.
    public var needsOverride = false
    public var focus: BookingField = .search
    /// Esc was pressed once on a booking with input: a second Esc discards it.
    public var discardArmed = false

    public init(slotStart: Date, lane: Lane = .regular) {
        self.slotStart = slotStart
        self.lane = lane
    }

    public var fields: [BookingField] {
        let who: [BookingField] = newCustomer == nil ? [.search] : [.name, .phone, .plate, .vin, .model]
        return who + [.lane, .serviceType, .concerns, .waiter] + (needsOverride ? [.overrideReason] : [])
    }

    public var hasInput: Bool {
        chosen != nil || !concerns.isEmpty || !overrideReason.isEmpty || (newCustomer?.hasInput ?? false)
    }
}

/// The Appointments panel (F4): one day in slots, tomorrow's confirmation list, booking and arrival.
public struct AppointmentsState: Sendable, Equatable {
    /// Start of the day shown; nil until the panel is first opened.
    public var day: Date?
    public var rows: [AppointmentListing] = []
    public var hours = ShopHours.standard
    public var noShow = NoShowStats()
    public var table = TableState()
    /// Only the appointments still to confirm (tomorrow's call list).
    public var confirmationsOnly = false
    public var booking: BookingForm?
    /// An appointment being moved: Enter on a slot reschedules it there.
    public var moving: AppointmentListing?
    /// A no-show about to be marked or undone, waiting for y (yes) or n (no).
    public var noShowQuestion: NoShowQuestion?
    public init() {}

    /// The lines of the day: every slot (with its bookings below it), or only the appointments still
    /// to confirm when `confirmationsOnly`.
    public func lines(timeZone: TimeZone) -> [DayLine] {
        guard let day else { return [] }
        if confirmationsOnly {
            return rows.filter { $0.appointment.status == .booked || $0.appointment.status == .rescheduled }
                .map { .appointment($0) }
        }
        var out: [DayLine] = []
        let slots = hours.slots(on: day, timeZone: timeZone)
        var placed = Set<Int>()
        for (i, start) in slots.enumerated() {
            let end = i + 1 < slots.count ? slots[i + 1] : start.addingTimeInterval(TimeInterval(hours.slotMinutes * 60))
            let inSlot = rows.enumerated().filter { $0.element.appointment.slotStart >= start && $0.element.appointment.slotStart < end }
            let held = inSlot.map(\.element.appointment).filter { $0.status.holdsCapacity }
            out.append(.slot(start: start, regular: held.filter { $0.lane == .regular }.count,
                             express: held.filter { $0.lane == .express }.count))
            for (index, row) in inSlot {
                placed.insert(index)
                out.append(.appointment(row))
            }
        }
        // Bookings outside today's grid (hours changed since) still show, at the end.
        for (index, row) in rows.enumerated() where !placed.contains(index) { out.append(.appointment(row)) }
        return out
    }
}
