import Foundation
import ScreenKit
import ServiceDomain

/// Booking for a customer not on file yet (F4, Ctrl-N): the same fields, validators and duplicate
/// check as a walk-in check-in (`NewCustomerEntry`), then one store transaction creates the customer
/// and car and books the slot.
extension AppointmentsKeys {
    /// Ctrl-N, Ctrl-O and keys typed in the new-customer fields; nil when the key is not theirs.
    static func reduceNewCustomer(_ state: inout AppState, _ b: inout BookingForm, _ action: BookingAction?,
                                  _ key: Key) -> [Effect]? {
        if action == .newCustomer {
            guard b.newCustomer == nil else { return [] }
            b.newCustomer = NewCustomerEntry(query: b.chosen == nil ? b.query.text : "")
            b.chosen = nil
            b.pendingVehicleID = nil
            b.focus = .name
            state.status = StatusLine(ReceptionStrings.bookingNewCustomer, kind: .info)
            return []
        }
        if action == .useExisting, let match = b.newCustomer?.duplicates.first {
            return useExisting(&state, &b, match)
        }
        guard var entry = b.newCustomer, let field = b.focus.newCustomerField else { return nil }
        defer { b.newCustomer = entry }
        let fields = b.fields
        let i = fields.firstIndex(of: b.focus) ?? 0
        switch action {
        case .next:
            // A bad value keeps the focus and says why, as in the check-in form.
            if let problem = entry.problem(in: field) {
                state.status = StatusLine(problem, kind: .error)
                return []
            }
            state.status = nil
            b.focus = fields[min(i + 1, fields.count - 1)]
            entry.enter(b.focus.newCustomerField, leaving: field)
            guard NewCustomerEntry.triggersDuplicateCheck(field) else { return [] }
            return [.reception(.booking(.checkDuplicates(phone: entry.text(.phone), plate: entry.text(.plate),
                                                         vin: entry.text(.vin))))]
        case .previous:
            b.focus = fields[max(i - 1, 0)]
            entry.enter(b.focus.newCustomerField, leaving: field)
            return []
        default:
            if let refusal = NewCustomerEntry.refusal(of: key, in: field) {
                state.status = StatusLine(refusal, kind: .error)
                return []
            }
            var input = entry.texts[field] ?? TextInputState()
            guard input.handle(key) else { return [] }
            entry.texts[field] = input
            return []
        }
    }

    /// Ctrl-O on a duplicate: back to the search, showing the existing record; its car (if the match
    /// names one) is chosen as soon as the search answers.
    private static func useExisting(_ state: inout AppState, _ b: inout BookingForm, _ match: DuplicateMatch) -> [Effect] {
        b.newCustomer = nil
        let query = match.plate ?? match.phone
        b.query = TextInputState(text: query)
        b.rows = []
        b.table = TableState()
        b.chosen = nil
        b.pendingVehicleID = match.vehicleID
        b.focus = .search
        state.status = StatusLine(ReceptionStrings.bookingUseExisting, kind: .info)
        return [.reception(.search(.booking, query: query))]
    }

    /// Chooses the car picked with Ctrl-O once the search results include it.
    static func choosePending(_ b: inout BookingForm) {
        guard let id = b.pendingVehicleID, let index = b.rows.firstIndex(where: { $0.vehicle?.id == id }) else { return }
        b.table.select(index, rowCount: b.rows.count)
        b.chosen = b.rows[index]
        b.pendingVehicleID = nil
        b.focus = .lane
    }

    /// Validates the new customer's fields (the first problem takes the focus) and asks the store to
    /// create them and book in one go.
    static func saveNewCustomer(_ state: inout AppState, _ b: inout BookingForm) -> [Effect] {
        guard let entry = b.newCustomer, let day = state.reception.appointments.day else { return [] }
        if let (field, message) = entry.firstProblem() {
            b.focus = BookingField(field) ?? b.focus
            state.status = StatusLine(message, kind: .error)
            return []
        }
        let (customer, vehicle) = entry.records()
        let appointment = Appointment(customerID: 0, vehicleID: 0, slotStart: b.slotStart, lane: b.lane,
                                      serviceType: b.serviceType, concerns: b.concerns.text, isWaiter: b.isWaiter)
        return [.reception(.booking(.bookNewCustomer(customer, vehicle, appointment,
                                                     overrideReason: b.needsOverride ? b.overrideReason.text : "",
                                                     reload: day)))]
    }
}
