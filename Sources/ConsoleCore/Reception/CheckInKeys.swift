import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the Reception panel (F3): search → Enter → check-in form → Ctrl-S.
enum CheckInKeys {
    static let saveKeys: [Key] = [.ctrl("s"), .function(11)]
    static let newCustomerKey = Key.ctrl("n")
    static let useExistingKey = Key.ctrl("o")

    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.reception.form != nil { return reduceForm(&state, key) }
        return reduceSearch(&state, key)
    }

    // MARK: Search

    private static func reduceSearch(_ state: inout AppState, _ key: Key) -> [Effect] {
        let r = state.reception
        switch key {
        case .up: state.reception.table.moveUp(rowCount: r.rows.count); return []
        case .down: state.reception.table.moveDown(rowCount: r.rows.count); return []
        case .pageUp: state.reception.table.pageUp(rowCount: r.rows.count); return []
        case .pageDown: state.reception.table.pageDown(rowCount: r.rows.count); return []
        case .enter:
            guard r.rows.indices.contains(r.table.selected) else {
                if !r.query.text.isEmpty { state.status = StatusLine(ReceptionStrings.noMatchNewCustomer, kind: .info) }
                return []
            }
            let row = r.rows[r.table.selected]
            state.status = nil
            return [.reception(.startCheckIn(customerID: row.customer.customerID, vehicleID: row.vehicle?.id, carry: nil))]
        case newCustomerKey:
            let (plate, phone) = NewCustomerEntry.split(r.query.text)
            return [.reception(.startNewCustomerCheckIn(plate: plate, phone: phone))]
        case .escape:
            guard !r.query.text.isEmpty else { return [] }
            state.reception.query = TextInputState()
            return queryChanged(&state)
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

    static func open(_ state: inout AppState, info: CheckInCustomerInfo?, appointment: Appointment?, arrivedAt: Date,
                     hours: ShopHours, carry: CheckInForm?) {
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
        if appointment != nil { state.panel = .reception }
        state.status = StatusLine(ReceptionStrings.formOpened, kind: .info)
    }

    private static func reduceForm(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var form = state.reception.form else { return [] }
        if form.saving { return [] }
        if key != .escape { form.discardArmed = false }
        defer { state.reception.form = form }
        if saveKeys.contains(key) { return save(&state, &form) }
        if key == useExistingKey, let match = form.duplicates.first {
            form.duplicates = []
            return [.reception(.startCheckIn(customerID: match.customerID, vehicleID: match.vehicleID, carry: form))]
        }
        let fields = form.fields
        switch key {
        case .tab, .enter, .down:
            return leave(&state, &form, step: 1, fields: fields)
        case .backTab, .up:
            return leave(&state, &form, step: -1, fields: fields)
        default:
            break
        }
        let field = form.focus
        if field.isChoice {
            let step: Int
            switch key {
            case .right, .character(" "): step = 1
            case .left: step = -1
            default: return []
            }
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

    static func bindings(_ state: AppState) -> [KeyBinding] {
        if let form = state.reception.form {
            var b = [
                KeyBinding(keys: saveKeys, command: .panel("reception.save"), scope: .always,
                           barLabel: ReceptionStrings.keySave, help: ReceptionStrings.keySaveHelp),
                KeyBinding(keys: [.tab, .enter], command: .panel("reception.next"), scope: .always,
                           barLabel: ReceptionStrings.keyNextField, help: ReceptionStrings.keyNextField),
                KeyBinding(keys: [.left, .right], command: .panel("reception.choose"), scope: .always,
                           barLabel: form.focus.isChoice ? ReceptionStrings.keyChoose : nil, help: ReceptionStrings.keyChoose),
                KeyBinding(keys: [.left, .right, .home, .end], command: .panel("reception.editSuggestion"), scope: .always,
                           barLabel: nil, help: ReceptionStrings.keyEditSuggestion),
            ]
            if !form.duplicates.isEmpty {
                b.insert(KeyBinding(keys: [useExistingKey], command: .panel("reception.useExisting"), scope: .always,
                                    barLabel: ReceptionStrings.keyUseExisting, help: ReceptionStrings.keyUseExisting), at: 0)
            }
            return b
        }
        return [
            KeyBinding(keys: [.enter], command: .panel("reception.checkIn"), scope: .always,
                       barLabel: ReceptionStrings.keyCheckIn, help: ReceptionStrings.keyCheckIn),
            KeyBinding(keys: [newCustomerKey], command: .panel("reception.new"), scope: .always,
                       barLabel: ReceptionStrings.keyNewCustomer, help: ReceptionStrings.keyNewCustomer),
        ]
    }
}
