import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the Appointments panel (F4).
enum AppointmentsKeys {
    static let saveKeys: [Key] = [.ctrl("s"), .function(11)]

    /// What the keys of the day grid do.
    enum DayAction: Sendable, Equatable {
        case move(ListMove)
        /// Enter: book the slot, or mark the appointment arrived.
        case enter
        case book, express, arrive, confirm, reschedule, cancel, noShow, tomorrow
        case day(Int)
    }

    private static func letter(_ c: Character, _ action: DayAction, _ label: Message, bar: Bool = true) -> KeyBinding<DayAction> {
        // The upper-case letter does the same (Caps Lock on at the desk).
        KeyBinding([.character(c)], action, label, bar: bar, also: [.character(Character(c.uppercased()))])
    }

    static let dayTable = KeyTable<DayAction>([
        KeyBinding(pairs: [(.enter, .enter), (.character("b"), .book)], ReceptionStrings.keyBook,
                   also: [(.character("B"), .book)]),
        letter("e", .express, ReceptionStrings.keyBookExpress, bar: false),
        letter("a", .arrive, ReceptionStrings.keyArrive),
        letter("c", .confirm, ReceptionStrings.keyConfirm),
        letter("r", .reschedule, ReceptionStrings.keyReschedule),
        letter("x", .cancel, ReceptionStrings.keyCancel),
        letter("n", .noShow, ReceptionStrings.keyNoShow),
        letter("t", .tomorrow, ReceptionStrings.keyTomorrow),
        KeyBinding(pairs: [(.left, .day(-1)), (.right, .day(1))], ReceptionStrings.keyDay,
                   also: [(.character("["), .day(-1)), (.character("]"), .day(1))]),
    ]) + ListKeys.moves.map(DayAction.move)

    /// What the keys of the booking form do.
    enum BookingAction: Sendable, Equatable {
        case save, newCustomer, useExisting, next, previous
        case move(ListMove)
        /// Enter on the search: book for the selected car.
        case pick
        /// ←/→ (and space) on a choice.
        case cycle(Int)
    }

    static func bookingTable(_ b: BookingForm) -> KeyTable<BookingAction> {
        var bindings: [KeyBinding<BookingAction>] = [
            KeyBinding(saveKeys, .save, ReceptionStrings.keySave, help: ReceptionStrings.keyBookSave),
        ]
        if let entry = b.newCustomer {
            if !entry.duplicates.isEmpty {
                bindings.append(KeyBinding([CheckInKeys.useExistingKey], .useExisting, ReceptionStrings.keyUseExisting))
            }
            // Ctrl-N again does nothing: the new customer's fields are open already.
            bindings.append(KeyBinding([], .newCustomer, ReceptionStrings.keyNewCustomer, also: [CheckInKeys.newCustomerKey]))
        } else {
            bindings.append(KeyBinding([CheckInKeys.newCustomerKey], .newCustomer, ReceptionStrings.keyNewCustomer))
        }
        bindings += [
            KeyBinding([.tab], .next, ReceptionStrings.keyNextField, bar: false),
            KeyBinding([.backTab], .previous, KeyStrings.previousField, bar: false),
        ]
        switch b.focus {
        case .search:
            return KeyTable(bindings) + ListKeys.upDown.map(BookingAction.move) + KeyTable([
                KeyBinding([.enter], .pick, KeyStrings.choose, section: .movement)])
        case .lane, .serviceType, .waiter:
            bindings += [
                KeyBinding(pairs: [(.left, .cycle(-1)), (.right, .cycle(1))], ReceptionStrings.keyChoose,
                           also: [(.character(" "), .cycle(1))]),
                KeyBinding([], .next, ReceptionStrings.keyNextField, also: [.enter]),
            ]
        case .overrideReason:
            bindings.append(KeyBinding([.enter], .save, ReceptionStrings.keyBookSave, bar: false))
        case .concerns, .name, .phone, .plate, .vin, .model:
            bindings.append(KeyBinding([], .next, ReceptionStrings.keyNextField, also: [.enter]))
        }
        return KeyTable(bindings)
    }

    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.reception.appointments.booking != nil { return reduceBooking(&state, key) }
        if state.reception.appointments.noShowQuestion != nil { return AppointmentsNoShow.answer(&state, key) }
        return reduceDay(&state, key)
    }

    static func loaded(_ state: inout AppState, day: Date, rows: [AppointmentListing], hours: ShopHours, noShow: NoShowStats) {
        var a = state.reception.appointments
        let sameDay = a.day == day
        a.day = day
        a.rows = rows
        a.hours = hours
        a.noShow = noShow
        let count = a.lines(timeZone: state.timeZone).count
        if sameDay {
            a.table.select(a.table.selected, rowCount: count)
        } else {
            a.table = TableState()
            // Start at the slot in progress when showing today.
            let now = state.now
            let lines = a.lines(timeZone: state.timeZone)
            let current = lines.lastIndex { line in
                if case .slot(let start, _, _) = line { return start <= now }
                return false
            }
            a.table.select(current ?? 0, rowCount: count)
        }
        state.reception.appointments = a
    }

    private static func reduceDay(_ state: inout AppState, _ key: Key) -> [Effect] {
        var a = state.reception.appointments
        let lines = a.lines(timeZone: state.timeZone)
        let selectedLine = lines.indices.contains(a.table.selected) ? lines[a.table.selected] : nil
        guard let day = a.day else { return [] }
        defer { state.reception.appointments = a }
        guard let action = dayTable.match(key) else { return [] }
        switch action {
        case .move(let move): a.table.apply(move, rowCount: lines.count)
        case .day(let step):
            return [.reception(.loadDay(ShopCalendar.addDays(step, to: day, state.timeZone)))]
        case .tomorrow:
            // Tomorrow's confirmation calls (and back to the day grid).
            a.confirmationsOnly.toggle()
            let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(state.now, state.timeZone), state.timeZone)
            if a.confirmationsOnly, day != tomorrow { return [.reception(.loadDay(tomorrow))] }
            a.table.select(0, rowCount: a.lines(timeZone: state.timeZone).count)
        case .enter, .book:
            switch selectedLine {
            case .slot(let start, _, _):
                if let moving = a.moving {
                    var moved = moving.appointment
                    moved.slotStart = start
                    moved.status = .rescheduled
                    return [.reception(.book(moved, overrideReason: "", reload: day))]
                }
                a.booking = BookingForm(slotStart: start)
                state.status = StatusLine(ReceptionStrings.bookingOpened, kind: .info)
            case .appointment(let row) where action == .enter:
                return arrive(&state, row, day: day)
            default: break
            }
        case .express:
            if case .slot(let start, _, _) = selectedLine { a.booking = BookingForm(slotStart: start, lane: .express) }
        case .arrive:
            if case .appointment(let row) = selectedLine { return arrive(&state, row, day: day) }
        case .confirm:
            return status(selectedLine, .confirmed, day)
        case .cancel:
            return status(selectedLine, .cancelled, day)
        case .noShow:
            if case .appointment(let row) = selectedLine { a.noShowQuestion = AppointmentsNoShow.question(row, &state) }
        case .reschedule:
            if case .appointment(let row) = selectedLine {
                a.moving = row
                state.status = StatusLine(ReceptionStrings.chooseNewSlot, kind: .info)
            }
        }
        return []
    }

    private static func status(_ line: DayLine?, _ status: AppointmentStatus, _ day: Date) -> [Effect] {
        guard case .appointment(let row) = line, let id = row.appointment.id else { return [] }
        return [.reception(.setAppointmentStatus(id: id, version: row.appointment.version, status: status, reload: day))]
    }

    private static func arrive(_ state: inout AppState, _ row: AppointmentListing, day: Date) -> [Effect] {
        guard let id = row.appointment.id else { return [] }
        if state.reception.form?.hasInput == true {
            state.status = StatusLine(ReceptionStrings.finishOpenCheckIn, kind: .warning)
            return []
        }
        return [.reception(.arrive(id: id, version: row.appointment.version, reload: day))]
    }

    // MARK: Booking form

    private static func reduceBooking(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard var b = state.reception.appointments.booking else { return [] }
        b.discardArmed = false
        defer { state.reception.appointments.booking = b }
        let action = bookingTable(b).match(key)
        if action == .save { return save(&state, &b) }
        if let effects = reduceNewCustomer(&state, &b, action, key) { return effects }
        let fields = b.fields
        let i = fields.firstIndex(of: b.focus) ?? 0
        switch action {
        case .next where key == .tab:
            b.focus = fields[min(i + 1, fields.count - 1)]
            return []
        case .previous:
            b.focus = fields[max(i - 1, 0)]
            return []
        default: break
        }
        switch b.focus {
        case .search:
            switch action {
            case .move(let move): b.table.apply(move, rowCount: b.rows.count)
            case .pick:
                guard b.rows.indices.contains(b.table.selected), b.rows[b.table.selected].vehicle != nil else {
                    state.status = StatusLine(ReceptionStrings.chooseACar, kind: .error)
                    return []
                }
                b.chosen = b.rows[b.table.selected]
                b.focus = .lane
            default:
                let before = b.query.text
                guard b.query.handle(key), b.query.text != before else { return [] }
                b.chosen = nil
                let q = b.query.text
                if q.trimmingCharacters(in: .whitespaces).isEmpty { b.rows = []; return [] }
                return [.reception(.search(.booking, query: q))]
            }
        case .lane, .serviceType, .waiter:
            let step: Int
            switch action {
            case .cycle(let s): step = s
            case .next: b.focus = fields[min(i + 1, fields.count - 1)]; return []
            default: return []
            }
            switch b.focus {
            case .lane: b.lane = b.lane.cycled(step)
            case .serviceType: b.serviceType = b.serviceType.cycled(step)
            default: b.isWaiter.toggle()
            }
        case .concerns:
            if action == .next { b.focus = fields[min(i + 1, fields.count - 1)]; return [] }
            _ = b.concerns.handle(key)
        case .overrideReason:
            _ = b.overrideReason.handle(key)
        case .name, .phone, .plate, .vin, .model:
            break   // handled by reduceNewCustomer while the new-customer fields are shown
        }
        return []
    }

    private static func save(_ state: inout AppState, _ b: inout BookingForm) -> [Effect] {
        if (try? FreeText.clean(b.concerns.text, field: .concern, maxLength: 500)) == nil {
            state.status = StatusLine(ReceptionStrings.concernTooLong, kind: .error)
            return []
        }
        if b.newCustomer != nil { return saveNewCustomer(&state, &b) }
        guard let row = b.chosen, let vehicle = row.vehicle, let day = state.reception.appointments.day else {
            state.status = StatusLine(ReceptionStrings.chooseACar, kind: .error)
            return []
        }
        let appointment = Appointment(customerID: row.customer.customerID, vehicleID: vehicle.id, slotStart: b.slotStart,
                                      lane: b.lane, serviceType: b.serviceType, concerns: b.concerns.text,
                                      isWaiter: b.isWaiter)
        return [.reception(.book(appointment, overrideReason: b.needsOverride ? b.overrideReason.text : "", reload: day))]
    }

    static func back(_ state: inout AppState) -> Bool {
        if state.reception.appointments.noShowQuestion != nil {
            state.reception.appointments.noShowQuestion = nil
            return true
        }
        if let booking = state.reception.appointments.booking {
            if booking.hasInput && !booking.discardArmed {
                state.reception.appointments.booking?.discardArmed = true
                state.status = StatusLine(ReceptionStrings.escAgainDiscardsBooking, kind: .warning)
                return true
            }
            state.reception.appointments.booking = nil
            state.status = nil
            return true
        }
        if state.reception.appointments.moving != nil {
            state.reception.appointments.moving = nil
            state.status = nil
            return true
        }
        if state.reception.appointments.confirmationsOnly {
            state.reception.appointments.confirmationsOnly = false
            return true
        }
        return false
    }
}
