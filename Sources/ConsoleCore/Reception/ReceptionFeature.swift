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
    case searchCompleted(ReceptionSearchPurpose, query: String, results: [FoundCustomer])
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
    case dayLoaded(day: Date, rows: [AppointmentRow], hours: ShopHours, noShow: NoShowStats)
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

/// The reception panels' part of the reducer. `PanelRouter` calls these; each returns effects to run.
public enum ReceptionFeature {
    /// A key while one of this feature's panels is shown (after global commands).
    public static func reduceKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        state.panel == .appointments ? AppointmentsKeys.reduce(&state, key) : CheckInKeys.reduce(&state, key)
    }

    public static func reduce(_ state: inout AppState, _ event: ReceptionEvent) -> [Effect] {
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
            CheckInKeys.open(&state, info: info, appointment: appointment, arrivedAt: arrivedAt, hours: hours, carry: carry)
            return []
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

    /// The panel was just shown: load what it displays.
    public static func entered(_ state: inout AppState) -> [Effect] {
        guard state.panel == .appointments else { return [] }
        let day = state.reception.appointments.day ?? ShopCalendar.startOfDay(state.now, state.timeZone)
        return [.reception(.loadDay(day))]
    }

    /// Another terminal changed the database: reload what is shown.
    public static func refresh(_ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        if let day = state.reception.appointments.day { effects.append(.reception(.loadDay(day))) }
        let q = state.reception.query.text
        if state.reception.form == nil, !q.trimmingCharacters(in: .whitespaces).isEmpty {
            effects.append(.reception(.search(.checkIn, query: q)))
        }
        return effects
    }

    /// Esc: close the innermost thing open in the panel; false when nothing was open.
    public static func handleBack(_ state: inout AppState) -> Bool {
        state.panel == .appointments ? AppointmentsKeys.back(&state) : CheckInKeys.back(&state)
    }

    /// A text field has the keyboard: plain letters are typed, not commands.
    public static func isTyping(_ state: AppState) -> Bool {
        if state.panel == .reception { return true }
        guard let booking = state.reception.appointments.booking else { return false }
        return booking.focus.isText
    }

    /// A form is open and Tab moves between its fields instead of switching panels.
    public static func wantsTab(_ state: AppState) -> Bool {
        state.panel == .reception ? state.reception.form != nil : state.reception.appointments.booking != nil
    }

    /// Input typed but not saved (quitting asks first).
    public static func hasUnsavedInput(_ state: AppState) -> Bool {
        (state.reception.form?.hasInput ?? false) || (state.reception.appointments.booking?.hasInput ?? false)
    }

    /// The panel's own key bindings (shown in the help bar and the `?` overlay).
    public static func bindings(for state: AppState) -> [KeyBinding] {
        state.panel == .appointments ? AppointmentsKeys.bindings(state) : CheckInKeys.bindings(state)
    }
}
