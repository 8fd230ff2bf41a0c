import ConsoleCore
import Foundation
import ScreenKit
import ServiceDomain
import Testing

let receptionHours = ShopHours.standard
let wangCustomer = Customer(id: 7, name: "王芳", phones: ["13812345678"], isOutOfWarrantyOwner: true, preferredCallTime: "下午3点后")
let wangCar = Vehicle(id: 70, ownerID: 7, vin: "LFVA23C30N3100001", plate: "粤A12345", model: "迈腾 2.0T")
let wangInfo = CheckInCustomerInfo(customer: wangCustomer, vehicle: wangCar, lastKm: 23_000, lastVisits: [], openComplaints: [])

func type(_ state: inout AppState, _ text: String) -> [Effect] {
    text.flatMap { reduce(&state, .keyPressed(.character($0))) }
}

/// The reception panel with Wang Fang's car's check-in form open.
func receptionWithForm(appointment: Appointment? = nil) -> AppState {
    var s = freshState()
    send(&s, .function(3))
    _ = reduce(&s, .reception(.checkInLoaded(wangInfo, appointment: appointment, arrivedAt: fixedNow, hours: receptionHours, carry: nil)))
    return s
}

@Suite struct CheckInReducerTests {
    @Test func typingSearchesAndEnterOpensCheckInForTheCar() {
        var s = freshState()
        send(&s, .function(3))
        #expect(s.panel == .reception && s.isTyping)
        #expect(type(&s, "a12") == [.reception(.search(.checkIn, query: "a")), .reception(.search(.checkIn, query: "a1")),
                                    .reception(.search(.checkIn, query: "a12"))])
        _ = reduce(&s, .reception(.searchCompleted(.checkIn, query: "a12", results: [wangFang])))
        #expect(s.reception.rows.count == 2)
        assertReduce(&s, .keyPressed(.down)) { $0.reception.table.select(1, rowCount: 2) }
        assertReduce(&s, .keyPressed(.enter), effects: [.reception(.startCheckIn(customerID: 7, vehicleID: 71, carry: nil))])
    }

    @Test func theFormOpensPrefilledWithTheArrivalLogged() throws {
        let s = receptionWithForm()
        let form = try #require(s.reception.form)
        #expect(form.focus == .mileage)
        #expect(form.arrivedAt == fixedNow)
        #expect(form.text(.mileage).isEmpty)
        #expect(form.text(.contactPhone) == "13812345678")
        #expect(form.text(.callbackTime) == "下午3点后")
        #expect(form.serviceType == .repair && form.text(.hours) == "2")
        // 14:05 + 2 h + 30 min handover → 16:45.
        #expect(form.text(.promised) == "11-22 16:45")
        #expect(form.fields.first == .mileage)   // known customer and car: no identity fields
        #expect(!s.hasUnsavedInput)
    }

    @Test func theConcernDrivesCategoryServiceTypeHoursAndPromise() {
        var s = receptionWithForm()
        send(&s, .tab)   // empty mileage is refused first
        #expect(s.reception.form?.focus == .mileage)
        #expect(s.status?.kind == .error)
        _ = type(&s, "23500")
        send(&s, .tab)
        _ = type(&s, "做保养")
        let form = s.reception.form!
        #expect(form.category == .maintenance && form.serviceType == .maintenance)
        #expect(form.text(.hours) == "1" && form.text(.promised) == "11-22 15:45")
    }

    @Test func badInputIsRefusedWhereItIsTypedAndKept() {
        var s = receptionWithForm()
        _ = type(&s, "2x")
        #expect(s.reception.form?.text(.mileage) == "2")
        #expect(s.status == StatusLine(ReceptionStrings.digitsOnly(.mileage), kind: .error))
        _ = type(&s, "2000")   // 22000 is below the last reading of 23000: the reason is asked next
        send(&s, .tab)
        #expect(s.reception.form?.focus == .odometerReason)
        #expect(s.reception.form?.text(.mileage) == "22000")
        #expect(s.status?.kind == .warning)
        send(&s, .tab)
        #expect(s.reception.form?.focus == .odometerReason)
        #expect(s.status?.kind == .error)
        #expect(s.status?.message.zh.contains("23,000") == true)
    }

    @Test func anUnsavedFormSurvivesSwitchingPanelsAndAsksBeforeQuitOrDiscard() {
        var s = receptionWithForm()
        _ = type(&s, "23500")
        #expect(s.hasUnsavedInput)
        send(&s, .function(4))
        #expect(s.panel == .appointments)
        send(&s, .function(3))
        #expect(s.reception.form?.text(.mileage) == "23500")
        send(&s, .ctrl("q"))
        #expect(s.overlay == .confirmQuit)
        send(&s, .escape, .escape)
        #expect(s.reception.form != nil && s.reception.form?.discardArmed == true)
        send(&s, .escape)
        #expect(s.reception.form == nil)
        #expect(s.panel == .reception)
    }

    @Test func saveFocusesTheFirstProblemThenSendsAnExactDraft() throws {
        var s = receptionWithForm()
        _ = type(&s, "23500")
        #expect(send(&s, .ctrl("s")).isEmpty)
        #expect(s.reception.form?.focus == .concern)
        _ = type(&s, "刹车异响")
        send(&s, .tab)
        _ = type(&s, "380.5")
        send(&s, .tab)
        _ = type(&s, "120")
        let effects = send(&s, .function(11))
        guard case .reception(.saveCheckIn(let draft)) = try #require(effects.first) else {
            Issue.record("expected a save, got \(effects)")
            return
        }
        #expect(draft.order.customerID == 7 && draft.order.vehicleID == 70)
        #expect(draft.order.mileageIn == 23_500)
        #expect(draft.order.estimateLabour == Fen(38_050) && draft.order.estimateParts == Fen(12_000))
        #expect(draft.order.serviceType == .repair && draft.order.repairClass == .minorRepair)
        #expect(draft.concern.text == "刹车异响" && draft.concern.category == .brakes)
        #expect(draft.order.contactPhone == "13812345678")
        #expect(draft.arrivedAt == fixedNow)
        #expect(draft.newCustomer == nil && draft.newVehicle == nil)
        #expect(s.reception.form?.saving == true)
        // Keys while saving are ignored; the answer closes the form and shows the work order.
        let saved = SavedCheckIn(number: "RO-20261122-0008", checkInSeconds: 21, workOrderPath: "/tmp/RO-20261122-0008.txt",
                                 workOrderText: "委托书")
        _ = reduce(&s, .reception(.checkInSaved(saved, warning: nil)))
        #expect(s.reception.form == nil && s.reception.lastSaved == saved)
        #expect(s.status == StatusLine(ReceptionStrings.saved(saved), kind: .ok))
    }

    @Test func theReturningCustomerPathFitsTheKeyboardBudget() {
        var s = freshState()
        send(&s, .function(3))
        var keys = 0
        func press(_ k: Key...) -> [Effect] { keys += k.count; return k.flatMap { reduce(&s, .keyPressed($0)) } }
        func typeCounted(_ t: String) { keys += t.count; _ = type(&s, t) }
        typeCounted("a12345")
        _ = reduce(&s, .reception(.searchCompleted(.checkIn, query: "a12345", results: [wangFang])))
        #expect(press(.enter) == [.reception(.startCheckIn(customerID: 7, vehicleID: 70, carry: nil))])
        _ = reduce(&s, .reception(.checkInLoaded(wangInfo, appointment: nil, arrivedAt: fixedNow, hours: receptionHours, carry: nil)))
        typeCounted("23500"); _ = press(.tab)
        typeCounted("异响"); _ = press(.tab)
        typeCounted("380"); _ = press(.tab)
        typeCounted("120")
        let effects = press(.ctrl("s"))
        #expect(keys == 24)
        #expect(keys <= 25)
        guard case .reception(.saveCheckIn(let draft)) = effects.first else {
            Issue.record("not saved: \(String(describing: s.status))")
            return
        }
        #expect(draft.order.estimateTotal == Fen(50_000))
    }

    @Test func anArrivedAppointmentCarriesEverythingOver() throws {
        let appointment = Appointment(id: 3, customerID: 7, vehicleID: 70, slotStart: fixedNow, serviceType: .warranty,
                                      concerns: "中控屏黑屏", isWaiter: true, status: .arrived, version: 1)
        var s = freshState()
        send(&s, .function(4))
        _ = reduce(&s, .reception(.checkInLoaded(wangInfo, appointment: appointment, arrivedAt: fixedNow, hours: receptionHours, carry: nil)))
        #expect(s.panel == .reception)
        let form = try #require(s.reception.form)
        #expect(form.appointmentID == 3 && form.text(.concern) == "中控屏黑屏")
        #expect(form.serviceType == .warranty && form.isWaiter)
    }

    @Test func aWalkInNewCustomerIsOfferedTheExistingRecord() throws {
        var s = freshState()
        send(&s, .function(3))
        _ = type(&s, "粤A12345")
        #expect(send(&s, .ctrl("n")) == [.reception(.startNewCustomerCheckIn(plate: "粤A12345", phone: ""))])
        _ = reduce(&s, .reception(.checkInLoaded(nil, appointment: nil, arrivedAt: fixedNow, hours: receptionHours, carry: nil)))
        var form = try #require(s.reception.form)
        #expect(form.fields.prefix(5) == [.name, .phone, .plate, .vin, .model])
        #expect(form.focus == .name)
        _ = type(&s, "王芳")
        send(&s, .tab)
        _ = type(&s, "13812345678")
        #expect(send(&s, .tab) == [.reception(.checkDuplicates(phone: "13812345678", plate: "", vin: ""))])
        let match = DuplicateMatch(reason: .phone, customerID: 7, customerName: "王芳", phone: "13812345678", vehicleID: 70,
                                   plate: "粤A12345")
        _ = reduce(&s, .reception(.duplicatesFound([match])))
        #expect(s.status?.kind == .warning)
        form = try #require(s.reception.form)
        let effects = send(&s, .ctrl("o"))
        guard case .reception(.startCheckIn(7, 70, let carry?)) = try #require(effects.first) else {
            Issue.record("expected to switch to the existing record, got \(effects)")
            return
        }
        #expect(carry.text(.name) == "王芳")
        _ = reduce(&s, .reception(.checkInLoaded(wangInfo, appointment: nil, arrivedAt: fixedNow.addingTimeInterval(30),
                                                 hours: receptionHours, carry: carry)))
        #expect(s.reception.form?.needsCustomer == false)
        #expect(s.reception.form?.arrivedAt == fixedNow)   // the timer keeps running from the first arrival
    }

    @Test func aStoreRefusalFocusesTheFieldAndKeepsTheForm() {
        var s = receptionWithForm()
        s.reception.form?.saving = true
        _ = reduce(&s, .reception(.checkInFailed(Message(zh: "里程过低", en: "too low"), field: .mileage)))
        #expect(s.reception.form?.saving == false && s.reception.form?.focus == .mileage)
        #expect(s.status?.kind == .error)
    }
}

@Suite struct AppointmentsReducerTests {
    let tomorrow = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(fixedNow, shanghai), shanghai)

    func row(_ id: RowID, hour: Int, status: AppointmentStatus = .booked, lane: Lane = .regular) -> AppointmentListing {
        AppointmentListing(appointment: Appointment(id: id, customerID: 7, vehicleID: 70,
                                                slotStart: tomorrow.addingTimeInterval(TimeInterval(hour * 3600)), lane: lane,
                                                serviceType: .maintenance, concerns: "保养", status: status, version: 2),
                       customerName: "王芳", phone: "13812345678", plate: "粤A12345", model: "迈腾")
    }

    func loaded() -> AppState {
        var s = freshState()
        #expect(send(&s, .function(4)) == [.reception(.loadDay(ShopCalendar.startOfDay(fixedNow, shanghai)))])
        _ = reduce(&s, .reception(.dayLoaded(day: tomorrow, rows: [row(1, hour: 9), row(2, hour: 9, lane: .express),
                                                                    row(3, hour: 10, status: .confirmed)],
                                             hours: receptionHours, noShow: NoShowStats(noShows: 1, concluded: 8))))
        return s
    }

    @Test func theDayShowsEverySlotWithItsBookingsAndOccupancy() {
        let s = loaded()
        let lines = s.reception.appointments.lines(timeZone: shanghai)
        #expect(lines.count == 19 + 3)
        #expect(lines[1] == .slot(start: tomorrow.addingTimeInterval(9 * 3600), regular: 1, express: 1))
        #expect(lines[2] == .appointment(row(1, hour: 9)))
        #expect(!s.isTyping)
    }

    @Test func bookingASlotFindsTheCarAndSavesWithOverrideWhenFull() throws {
        var s = loaded()
        send(&s, .down)   // 09:00
        send(&s, .enter)
        #expect(s.reception.appointments.booking?.slotStart == tomorrow.addingTimeInterval(9 * 3600))
        #expect(s.isTyping && s.reception.appointments.booking?.focus == .search)
        #expect(type(&s, "a1").last == .reception(.search(.booking, query: "a1")))
        _ = reduce(&s, .reception(.searchCompleted(.booking, query: "a1", results: [wangFang])))
        send(&s, .enter)
        #expect(s.reception.appointments.booking?.chosen?.vehicle?.id == 70)
        send(&s, .right)               // express lane
        send(&s, .tab, .tab)
        _ = type(&s, "空调不凉")
        let effects = send(&s, .ctrl("s"))
        let expected = Appointment(customerID: 7, vehicleID: 70, slotStart: tomorrow.addingTimeInterval(9 * 3600),
                                   lane: .express, serviceType: .maintenance, concerns: "空调不凉")
        #expect(effects == [.reception(.book(expected, overrideReason: "", reload: tomorrow))])
        _ = reduce(&s, .reception(.appointmentFailed(Message(zh: "已满", en: "full"), needsOverride: true)))
        #expect(s.reception.appointments.booking?.focus == .overrideReason)
        _ = type(&s, "车队")
        #expect(send(&s, .enter) == [.reception(.book(expected, overrideReason: "车队", reload: tomorrow))])
        _ = reduce(&s, .reception(.appointmentSaved(ReceptionStrings.booked)))
        #expect(s.reception.appointments.booking == nil)
    }

    @Test func statusKeysActOnTheSelectedAppointment() {
        var s = loaded()
        send(&s, .down, .down)   // appointment 1
        #expect(send(&s, .character("c")) == [.reception(.setAppointmentStatus(id: 1, version: 2, status: .confirmed, reload: tomorrow))])
        // Tomorrow's slot has not begun: no question is asked, the reason is said (AppointmentNoShowReducerTests).
        #expect(send(&s, .character("n")) == [])
        #expect(s.reception.appointments.noShowQuestion == nil && s.status?.kind == .warning)
        #expect(send(&s, .character("x")) == [.reception(.setAppointmentStatus(id: 1, version: 2, status: .cancelled, reload: tomorrow))])
        #expect(send(&s, .character("a")) == [.reception(.arrive(id: 1, version: 2, reload: tomorrow))])
        // Reschedule: pick the appointment, then a slot.
        send(&s, .character("r"))
        #expect(s.reception.appointments.moving?.appointment.id == 1)
        send(&s, .up, .up)        // 08:30
        var moved = row(1, hour: 9).appointment
        moved.slotStart = tomorrow.addingTimeInterval(8 * 3600 + 1800)
        moved.status = .rescheduled
        #expect(send(&s, .enter) == [.reception(.book(moved, overrideReason: "", reload: tomorrow))])
    }

    @Test func tomorrowsConfirmationListShowsOnlyThoseStillToConfirm() {
        var s = loaded()
        send(&s, .character("t"))
        #expect(s.reception.appointments.confirmationsOnly)
        #expect(s.reception.appointments.lines(timeZone: shanghai).count == 2)
        send(&s, .escape)
        #expect(!s.reception.appointments.confirmationsOnly && s.panel == .appointments)
    }

    @Test func arrivalWaitsWhileAnUnsavedCheckInIsOpen() {
        var s = receptionWithForm()
        _ = type(&s, "23500")
        send(&s, .function(4))
        _ = reduce(&s, .reception(.dayLoaded(day: tomorrow, rows: [row(1, hour: 9)], hours: receptionHours, noShow: NoShowStats())))
        send(&s, .down, .down)
        #expect(send(&s, .character("a")).isEmpty)
        #expect(s.status == StatusLine(ReceptionStrings.finishOpenCheckIn, kind: .warning))
    }
}

@Suite struct BookingDiscardTests {
    @Test func aBookingWithInputAsksBeforeEscDiscardsIt() {
        var s = freshState()
        send(&s, .function(4))
        let day = ShopCalendar.addDays(1, to: ShopCalendar.startOfDay(fixedNow, shanghai), shanghai)
        _ = reduce(&s, .reception(.dayLoaded(day: day, rows: [], hours: receptionHours, noShow: NoShowStats())))
        send(&s, .enter)
        #expect(s.reception.appointments.booking != nil && !s.hasUnsavedInput)
        send(&s, .tab, .tab, .tab)
        _ = type(&s, "保养")
        #expect(s.hasUnsavedInput)
        send(&s, .escape)
        #expect(s.reception.appointments.booking != nil)
        #expect(s.status == StatusLine(ReceptionStrings.escAgainDiscardsBooking, kind: .warning))
        send(&s, .escape)
        #expect(s.reception.appointments.booking == nil && s.panel == .appointments)
    }
}
