import Foundation
import ScreenKit
import ServiceDomain

/// Keys of the Appointments panel (F4).
enum AppointmentsKeys {
    static let saveKeys: [Key] = [.ctrl("s"), .function(11)]

    static func reduce(_ state: inout AppState, _ key: Key) -> [Effect] {
        if state.reception.appointments.booking != nil { return reduceBooking(&state, key) }
        if state.reception.appointments.noShowQuestion != nil { return AppointmentsNoShow.answer(&state, key) }
        return reduceDay(&state, key)
    }

    static func loaded(_ state: inout AppState, day: Date, rows: [AppointmentRow], hours: ShopHours, noShow: NoShowStats) {
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
        switch key {
        case .up: a.table.moveUp(rowCount: lines.count)
        case .down: a.table.moveDown(rowCount: lines.count)
        case .pageUp: a.table.pageUp(rowCount: lines.count)
        case .pageDown: a.table.pageDown(rowCount: lines.count)
        case .home: a.table.select(.home, rowCount: lines.count)
        case .end: a.table.select(.end, rowCount: lines.count)
        case .left, .right, .character("["), .character("]"):
            let step = (key == .left || key == .character("[")) ? -1 : 1
            return [.reception(.loadDay(ShopCalendar.addDays(step, to: day, state.timeZone)))]
        case .character("t"), .character("T"):
            // Tomorrow's confirmation calls (and back to the day grid).
            a.confirmationsOnly.toggle()
            let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(state.now, state.timeZone), state.timeZone)
            if a.confirmationsOnly, day != tomorrow { return [.reception(.loadDay(tomorrow))] }
            a.table.select(0, rowCount: a.lines(timeZone: state.timeZone).count)
        case .enter, .character("b"), .character("B"):
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
            case .appointment(let row) where key == .enter:
                return arrive(&state, row, day: day)
            default: break
            }
        case .character("e"), .character("E"):
            if case .slot(let start, _, _) = selectedLine { a.booking = BookingForm(slotStart: start, lane: .express) }
        case .character("a"), .character("A"):
            if case .appointment(let row) = selectedLine { return arrive(&state, row, day: day) }
        case .character("c"), .character("C"):
            return status(selectedLine, .confirmed, day)
        case .character("x"), .character("X"):
            return status(selectedLine, .cancelled, day)
        case .character("n"), .character("N"):
            if case .appointment(let row) = selectedLine { a.noShowQuestion = AppointmentsNoShow.question(row, &state) }
        case .character("r"), .character("R"):
            if case .appointment(let row) = selectedLine {
                a.moving = row
                state.status = StatusLine(ReceptionStrings.chooseNewSlot, kind: .info)
            }
        default: break
        }
        return []
    }

    private static func status(_ line: DayLine?, _ status: AppointmentStatus, _ day: Date) -> [Effect] {
        guard case .appointment(let row) = line, let id = row.appointment.id else { return [] }
        return [.reception(.setAppointmentStatus(id: id, version: row.appointment.version, status: status, reload: day))]
    }

    private static func arrive(_ state: inout AppState, _ row: AppointmentRow, day: Date) -> [Effect] {
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
        if saveKeys.contains(key) { return save(&state, &b) }
        if let effects = reduceNewCustomer(&state, &b, key) { return effects }
        let fields = b.fields
        let i = fields.firstIndex(of: b.focus) ?? 0
        switch key {
        case .tab:
            b.focus = fields[min(i + 1, fields.count - 1)]
            return []
        case .backTab:
            b.focus = fields[max(i - 1, 0)]
            return []
        default: break
        }
        switch b.focus {
        case .search:
            switch key {
            case .up: b.table.moveUp(rowCount: b.rows.count)
            case .down: b.table.moveDown(rowCount: b.rows.count)
            case .enter:
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
            switch key {
            case .right, .character(" "): step = 1
            case .left: step = -1
            case .enter: b.focus = fields[min(i + 1, fields.count - 1)]; return []
            default: return []
            }
            switch b.focus {
            case .lane: b.lane = b.lane.cycled(step)
            case .serviceType: b.serviceType = b.serviceType.cycled(step)
            default: b.isWaiter.toggle()
            }
        case .concerns:
            if key == .enter { b.focus = fields[min(i + 1, fields.count - 1)]; return [] }
            _ = b.concerns.handle(key)
        case .overrideReason:
            if key == .enter { return save(&state, &b) }
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

    static func bindings(_ state: AppState) -> [KeyBinding] {
        func b(_ keys: [Key], _ name: String, _ m: Message, bar: Bool = true) -> KeyBinding {
            KeyBinding(keys: keys, command: .panel("appointments.\(name)"), scope: .notTyping, barLabel: bar ? m : nil, help: m)
        }
        if let booking = state.reception.appointments.booking {
            return [KeyBinding(keys: saveKeys, command: .panel("appointments.save"), scope: .always,
                               barLabel: ReceptionStrings.keySave, help: ReceptionStrings.keyBookSave)]
                + newCustomerBindings(booking)
        }
        return [
            b([.enter, .character("b")], "book", ReceptionStrings.keyBook),
            b([.character("e")], "express", ReceptionStrings.keyBookExpress, bar: false),
            b([.character("a")], "arrive", ReceptionStrings.keyArrive),
            b([.character("c")], "confirm", ReceptionStrings.keyConfirm),
            b([.character("r")], "reschedule", ReceptionStrings.keyReschedule),
            b([.character("x")], "cancel", ReceptionStrings.keyCancel),
            b([.character("n")], "noShow", ReceptionStrings.keyNoShow),
            b([.character("t")], "tomorrow", ReceptionStrings.keyTomorrow),
            b([.left, .right], "day", ReceptionStrings.keyDay),
        ]
    }
}
