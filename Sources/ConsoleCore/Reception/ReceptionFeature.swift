import Foundation
import ScreenKit
import ServiceDomain

/// State of the reception panels, kept in `AppState.reception`.
public struct ReceptionState: Sendable, Equatable {
    /// Reception (F3): the plate/phone/name search that starts a check-in.
    public var query = TextInputState()
    public var resultsQuery = ""
    public var rows: [FindRow] = []
    public var table = TableState()
    /// The open check-in form (survives switching panels).
    public var form: CheckInForm?
    /// The last saved check-in, with its work order.
    public var lastSaved: SavedCheckIn?
    /// Appointments (F4).
    public var appointments = AppointmentsState()
    public init() {}
}

/// No-shows among the concluded appointments of the last 30 days.
public struct NoShowStats: Sendable, Equatable {
    public var noShows: Int
    public var concluded: Int
    public init(noShows: Int = 0, concluded: Int = 0) {
        self.noShows = noShows
        self.concluded = concluded
    }
}

/// Where a search typed in a reception panel was started.
public enum ReceptionSearchPurpose: Sendable, Equatable { case checkIn, booking }

/// What happened in the reception panels (store answers come back as these).
public enum ReceptionEvent: Sendable, Equatable {
    case searchCompleted(ReceptionSearchPurpose, query: String, results: [SearchHit])
    case searchFailed(ReceptionSearchPurpose, query: String, Message)
    /// A check-in can start: the customer (nil for a new one), the appointment it came from, and
    /// when the arrival was logged. `carry` keeps what was typed when switching to an existing record.
    case checkInLoaded(CheckInCustomerInfo?, appointment: Appointment?, arrivedAt: Date, hours: ShopHours, carry: CheckInForm?)
    case duplicatesFound([DuplicateMatch])
    /// The person checking in is not an advisor: the form offers these, with the customer's usual one first chosen.
    case advisorsOffered([StaffChoice], defaultID: RowID?)
    /// Existing records matching a new customer typed in the booking form (F4).
    case bookingDuplicatesFound([DuplicateMatch])
    /// The new customer, car and appointment were saved; the day shown is reloaded.
    case newCustomerBooked(reload: Date)
    case checkInSaved(SavedCheckIn, warning: Message?)
    case checkInFailed(Message, field: Field?)
    case dayLoaded(day: Date, rows: [AppointmentListing], hours: ShopHours, noShow: NoShowStats)
    case appointmentSaved(Message)
    case appointmentFailed(Message, needsOverride: Bool)
    case loadFailed(Message)
}

/// Work the reception panels ask of the store; the runtime performs it (ConsoleApp/ReceptionEffects.swift).
public enum ReceptionRequest: Sendable, Equatable {
    case search(ReceptionSearchPurpose, query: String)
    /// Opens check-in for a returning customer (vehicle nil: a new car for them); arrival is logged now.
    case startCheckIn(customerID: RowID, vehicleID: RowID?, carry: CheckInForm?)
    /// Opens check-in for a walk-in new customer; arrival is logged now.
    case startNewCustomerCheckIn(plate: String, phone: String)
    case checkDuplicates(phone: String, plate: String, vin: String)
    case saveCheckIn(CheckInDraft)
    case loadDay(Date)
    case book(Appointment, overrideReason: String, reload: Date)
    case setAppointmentStatus(id: RowID, version: Int, status: AppointmentStatus, reload: Date)
    /// Undoes a no-show marked by mistake (back to what it was).
    case undoNoShow(id: RowID, version: Int, reload: Date)
    /// Marks the appointment arrived and opens its check-in with everything carried over.
    case arrive(id: RowID, version: Int, reload: Date)
    /// Booking for a customer not on file yet (ConsoleApp/ReceptionBookingEffects.swift).
    case booking(BookingRequest)
}

/// Booking a new customer from the Appointments panel (F4).
public enum BookingRequest: Sendable, Equatable {
    /// Answered with `ReceptionEvent.bookingDuplicatesFound`.
    case checkDuplicates(phone: String, plate: String, vin: String)
    /// Creates the customer and car and books the slot in one transaction (ids in `appointment` are
    /// filled in by the store); a phone, plate or VIN already on file is answered with the matches instead.
    case bookNewCustomer(Customer, Vehicle, Appointment, overrideReason: String, reload: Date)
}

/// The reception panels: check-in (F3) and appointments (F4).
public enum ReceptionFeature: PanelFeature {
    public static func keys(_ state: AppState) -> ModeKeys {
        if state.panel == .appointments {
            let a = state.reception.appointments
            if let booking = a.booking {
                return ModeKeys(.form, typing: booking.focus.isText, AppointmentsKeys.bookingTable(booking))
            }
            if a.noShowQuestion != nil { return ModeKeys(.dialog, AppointmentsNoShow.table) }
            return ModeKeys(.list, AppointmentsKeys.dayTable)
        }
        if let form = state.reception.form { return ModeKeys(.form, typing: true, CheckInKeys.formTable(form)) }
        return ModeKeys(.list, typing: true, CheckInKeys.searchTable)
    }

    public static func reduceKey(_ state: inout AppState, _ key: Key) -> Reduction {
        Reduction(state.panel == .appointments ? AppointmentsKeys.reduce(&state, key) : CheckInKeys.reduce(&state, key))
    }

    /// Store answers; a check-in opened from an appointment asks the shell to show the Reception panel.
    public static func reduce(_ state: inout AppState, _ event: ReceptionEvent) -> Reduction {
        switch event {
        case .searchCompleted(.checkIn, let query, let results):
            guard query == state.reception.query.text else { return [] }
            state.reception.resultsQuery = query
            state.reception.rows = results.findRows
            state.reception.table.select(0, rowCount: state.reception.rows.count)
            return []
        case .searchCompleted(.booking, let query, let results):
            guard var booking = state.reception.appointments.booking, query == booking.query.text else { return [] }
            booking.rows = results.findRows
            booking.table.select(0, rowCount: booking.rows.count)
            AppointmentsKeys.choosePending(&booking)
            state.reception.appointments.booking = booking
            return []
        case .searchFailed(_, _, let message), .loadFailed(let message):
            state.status = StatusLine(message, kind: .error)
            return []
        case .checkInLoaded(let info, let appointment, let arrivedAt, let hours, let carry):
            let delegate = CheckInKeys.open(&state, info: info, appointment: appointment, arrivedAt: arrivedAt, hours: hours,
                                             carry: carry)
            return Reduction(delegate: delegate)
        case .advisorsOffered(let advisors, let defaultID):
            state.reception.form?.offerAdvisors(advisors, defaultID: defaultID)
            return []
        case .duplicatesFound(let matches):
            guard state.reception.form != nil else { return [] }
            state.reception.form?.duplicates = matches
            state.reception.form?.saving = false
            if !matches.isEmpty { state.status = StatusLine(ReceptionStrings.duplicateFound, kind: .warning) }
            return []
        case .bookingDuplicatesFound(let matches):
            guard state.reception.appointments.booking?.newCustomer != nil else { return [] }
            state.reception.appointments.booking?.newCustomer?.duplicates = matches
            if !matches.isEmpty { state.status = StatusLine(ReceptionStrings.duplicateFound, kind: .warning) }
            return []
        case .newCustomerBooked(let day):
            state.reception.appointments.booking = nil
            state.status = StatusLine(ReceptionStrings.bookedNewCustomer, kind: .ok)
            return [.reception(.loadDay(day))]
        case .checkInSaved(let saved, let warning):
            state.reception.form = nil
            state.reception.lastSaved = saved
            state.reception.query = TextInputState()
            state.reception.rows = []
            state.reception.resultsQuery = ""
            state.status = StatusLine(warning ?? ReceptionStrings.saved(saved), kind: warning == nil ? .ok : .warning)
            return []
        case .checkInFailed(let message, let field):
            state.reception.form?.saving = false
            if let field, let f = CheckInKeys.formField(for: field), state.reception.form?.fields.contains(f) == true {
                state.reception.form?.focus = f
            }
            state.status = StatusLine(message, kind: .error)
            return []
        case .dayLoaded(let day, let rows, let hours, let noShow):
            AppointmentsKeys.loaded(&state, day: day, rows: rows, hours: hours, noShow: noShow)
            return []
        case .appointmentSaved(let message):
            state.reception.appointments.booking = nil
            state.reception.appointments.moving = nil
            state.status = StatusLine(message, kind: .ok)
            return []
        case .appointmentFailed(let message, let needsOverride):
            if needsOverride, state.reception.appointments.booking != nil {
                state.reception.appointments.booking?.needsOverride = true
                state.reception.appointments.booking?.focus = .overrideReason
            }
            state.status = StatusLine(message, kind: .error)
            return []
        }
    }

    public static func entered(_ state: inout AppState) -> [Effect] {
        guard state.panel == .appointments else { return [] }
        let day = state.reception.appointments.day ?? ShopCalendar.startOfDay(state.now, state.timeZone)
        return [.reception(.loadDay(day))]
    }

    public static func refresh(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if let day = state.reception.appointments.day { effects.append(.reception(.loadDay(day))) }
        let q = state.reception.query.text
        if state.reception.form == nil, !q.trimmingCharacters(in: .whitespaces).isEmpty {
            effects.append(.reception(.search(.checkIn, query: q)))
        }
        return effects
    }

    public static func back(_ state: inout AppState) -> Bool {
        state.panel == .appointments ? AppointmentsKeys.back(&state) : CheckInKeys.back(&state)
    }

    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        (state.reception.form?.hasInput ?? false) || (state.reception.appointments.booking?.hasInput ?? false)
    }
}
