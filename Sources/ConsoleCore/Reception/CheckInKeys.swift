import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the Reception panel (F3): search → Enter → check-in form → Ctrl-S.
enum CheckInKeys {
    static let saveKeys: [Key] = [.ctrl("s"), .function(11)]
    static let newCustomerKey = Key.ctrl("n")
    static let useExistingKey = Key.ctrl("o")

    /// What the keys of the search and of the form do.
    enum Action: Sendable, Equatable {
        case move(ListMove)
        case checkIn, newCustomer
        case save, useExisting, next, previous
        /// ←/→ (and space) on a choice field; on a text field they edit the text.
        case choose(Int)
        /// Home/End and the arrows on a text field: edit the highlighted value.
        case edit
    }

    static let searchTable = KeyTable<Action>([
        KeyBinding([.enter], .checkIn, ReceptionStrings.keyCheckIn),
        KeyBinding([newCustomerKey], .newCustomer, ReceptionStrings.keyNewCustomer),
    ]) + ListKeys.underSearch.map(Action.move)

    static func formTable(_ form: CheckInForm) -> KeyTable<Action> {
        var b: [KeyBinding<Action>] = [
            KeyBinding(saveKeys, .save, ReceptionStrings.keySave, help: ReceptionStrings.keySaveHelp),
            KeyBinding([.tab, .enter], .next, ReceptionStrings.keyNextField, also: [.down]),
            KeyBinding([], .previous, ReceptionStrings.keyNextField, bar: false, also: [.backTab, .up]),
            KeyBinding(pairs: [(.left, .choose(-1)), (.right, .choose(1))], ReceptionStrings.keyChoose,
                       bar: form.focus.isChoice, also: [(.character(" "), .choose(1))]),
            KeyBinding([.left, .right, .home, .end], .edit, ReceptionStrings.keyEditSuggestion, bar: false),
        ]
        if !form.duplicates.isEmpty {
            b.insert(KeyBinding([useExistingKey], .useExisting, ReceptionStrings.keyUseExisting), at: 0)
        }
        return KeyTable(b)
    }

    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.reception.form != nil { return reduceForm(&state, key) }
        return reduceSearch(&state, key)
    }

    // MARK: Search

    private static func reduceSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
        let r = state.reception
        switch searchTable.match(key) {
        case .move(let move): state.reception.table.apply(move, rowCount: r.rows.count); return []
        case .checkIn:
            guard r.rows.indices.contains(r.table.selected) else {
                if !r.query.text.isEmpty { state.status = StatusLine(ReceptionStrings.noMatchNewCustomer, kind: .info) }
                return []
            }
            let row = r.rows[r.table.selected]
            state.status = nil
            return [.reception(.startCheckIn(customerID: row.customer.customerID, vehicleID: row.vehicle?.id, carry: nil))]
        case .newCustomer:
            let (plate, phone) = NewCustomerEntry.split(r.query.text)
            return [.reception(.startNewCustomerCheckIn(plate: plate, phone: phone))]
        default:
            let before = r.query.text
            guard state.reception.query.handle(key) else { return [] }
            return state.reception.query.text == before ? [] : queryChanged(&state)
        }
    }

    private static func queryChanged(_ state: inout AppState) -> [Effect] {
        state.status = nil
        let q = state.reception.query.text
        if q.trimmingCharacters(in: .whitespaces).isEmpty {
            state.reception.rows = []
            state.reception.resultsQuery = q
            state.reception.table = TableState()
            return []
        }
        return [.reception(.search(.checkIn, query: q))]
    }

    // MARK: Form

    /// Opens the form; one started from an appointment (F4) asks the shell to show the Reception panel.
    static func open(_ state: inout AppState, info: CheckInCustomerInfo?, appointment: Appointment?, arrivedAt: Date,
                     hours: ShopHours, carry: CheckInForm?) -> PanelDelegate? {
        var form = CheckInForm(subject: info, appointment: appointment, arrivedAt: carry?.arrivedAt ?? arrivedAt,
                               hours: hours, now: state.now, timeZone: state.timeZone)
        if let carry {
            // Switching to an existing record keeps everything typed about the visit itself.
            for f in CheckInField.allCases where !f.isChoice {
                if f.isCustomerField && !form.needsCustomer { continue }
                if f.isVehicleField && !form.needsVehicle { continue }
                if !(carry.texts[f]?.isEmpty ?? true) || carry.touched.contains(f) { form.texts[f] = carry.texts[f] }
            }
            form.category = carry.category
            form.serviceType = carry.serviceType
            form.isWaiter = carry.isWaiter
            form.fuel = carry.fuel
            form.valuablesReminded = carry.valuablesReminded
            form.advisors = carry.advisors
            form.advisorID = carry.advisorID
            form.touched = carry.touched
            form.appointmentID = carry.appointmentID
            form.appointmentAdvisorID = carry.appointmentAdvisorID
            form.refreshSuggestions(now: state.now, timeZone: state.timeZone)
            let now = state.now, zone = state.timeZone
            form.focus(on: form.fields.first { form.problem(in: $0, now: now, timeZone: zone) != nil } ?? form.focus)
        }
        state.reception.form = form
        state.status = StatusLine(ReceptionStrings.formOpened, kind: .info)
        return appointment != nil ? .show(.reception) : nil
    }

    private static func reduceForm(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var form = state.reception.form else { return [] }
        if form.saving { return [] }
        form.discardArmed = false   // Esc never comes here: it is the shell's back
        defer { state.reception.form = form }
        let action = formTable(form).match(key)
        if action == .save { return save(&state, &form) }
        if action == .useExisting, let match = form.duplicates.first {
            form.duplicates = []
            return [.reception(.startCheckIn(customerID: match.customerID, vehicleID: match.vehicleID, carry: form))]
        }
        let fields = form.fields
        switch action {
        case .next:
            return leave(&state, &form, step: 1, fields: fields)
        case .previous:
            return leave(&state, &form, step: -1, fields: fields)
        default:
            break
        }
        let field = form.focus
        if field.isChoice {
            guard case .choose(let step) = action else { return [] }
            form.touched.insert(field)
            switch field {
            case .category: form.category = form.category.cycled(step)
            case .serviceType: form.serviceType = form.serviceType.cycled(step)
            case .waiter: form.isWaiter.toggle()
            case .fuel: form.fuel = form.fuel.cycled(step)
            case .valuables: form.valuablesReminded.toggle()
            case .advisor: form.cycleAdvisor(step)
            default: break
            }
            form.refreshSuggestions(now: state.now, timeZone: state.timeZone)
            return []
        }
        var input = form.texts[field] ?? TextInputState()
        let before = input.text
        if let refusal = NewCustomerEntry.refusal(of: key, in: field) {
            // Numbers and phones only: say so at once, keep what was typed.
            state.status = StatusLine(refusal, kind: .error)
            return []
        }
        guard input.handle(key) else { return [] }
        form.texts[field] = input
        if input.text != before {
            form.touched.insert(field)
            state.status = nil
            form.refreshSuggestions(now: state.now, timeZone: state.timeZone)
        }
        return []
    }

    /// Moves focus after checking the field being left; a bad value keeps the focus and says why.
    private static func leave(_ state: inout AppState, _ form: inout CheckInForm, step: Int, fields: [CheckInField]) -> [Effect] {
        let field = form.focus
        if step > 0, let problem = form.problem(in: field, now: state.now, timeZone: state.timeZone) {
            state.status = StatusLine(problem, kind: .error)
            return []
        }
        state.status = nil
        if step > 0, field == .mileage, form.isBelowLastReading {
            state.status = StatusLine(ReceptionStrings.belowLastReading(form.subject?.lastKm ?? 0), kind: .warning)
        }
        if field == .phone, !form.touched.contains(.contactPhone) {
            form.texts[.contactPhone] = TextInputState(text: form.text(.phone))
        }
        let i = fields.firstIndex(of: field) ?? 0
        form.focus(on: fields[min(max(0, i + step), fields.count - 1)])
        if NewCustomerEntry.triggersDuplicateCheck(field), form.needsCustomer || form.needsVehicle {
            return [.reception(.checkDuplicates(phone: form.text(.phone), plate: form.text(.plate), vin: form.text(.vin)))]
        }
        return []
    }

    private static func save(_ state: inout AppState, _ form: inout CheckInForm) -> [Effect] {
        if let (field, message) = form.firstProblem(now: state.now, timeZone: state.timeZone) {
            form.focus = field
            state.status = StatusLine(message, kind: .error)
            return []
        }
        do {
            let draft = try form.draft(now: state.now, timeZone: state.timeZone, shopName: state.shopName)
            form.saving = true
            state.status = StatusLine(ReceptionStrings.saving, kind: .info)
            return [.reception(.saveCheckIn(draft))]
        } catch {
            state.status = StatusLine((error as? UserFacingError)?.message ?? ReceptionStrings.saveFailed, kind: .error)
            return []
        }
    }

    static func back(_ state: inout AppState) -> Bool {
        guard let form = state.reception.form else {
            if !state.reception.query.text.isEmpty {
                state.reception.query = TextInputState()
                state.reception.rows = []
                state.reception.resultsQuery = ""
                state.reception.table = TableState()
                return true
            }
            if state.reception.lastSaved != nil {
                state.reception.lastSaved = nil
                return true
            }
            return false
        }
        if form.hasInput && !form.discardArmed {
            state.reception.form?.discardArmed = true
            state.status = StatusLine(ReceptionStrings.escAgainDiscards, kind: .warning)
            return true
        }
        state.reception.form = nil
        state.status = StatusLine(ReceptionStrings.formDiscarded, kind: .info)
        return true
    }

    static func formField(for field: Field) -> CheckInField? {
        switch field {
        case .name: .name
        case .phone: .contactPhone
        case .vin: .vin
        case .plate: .plate
        case .model: .model
        case .mileage: .mileage
        case .reason: .odometerReason
        case .concern: .concern
        case .walkAround: .walkAround
        case .preferredCallTime: .callbackTime
        case .estimate: .labour
        case .promisedTime: .promised
        default: nil
        }
    }
}
