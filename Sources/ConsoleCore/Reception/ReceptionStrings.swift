import ServiceDomain

/// The reception panels' sentences, both languages side by side.
public enum ReceptionStrings {
    // Reception panel
    public static let prompt = Message(zh: "接车：", en: "Check in: ")
    public static let placeholder = Message(zh: "车牌、手机号或姓名；Enter 开始接车，Ctrl-N 新客户",
                                            en: "plate, phone or name; Enter checks in, Ctrl-N new customer")
    public static let hint = Message(zh: "输入即查找；↑↓ 选择车辆，Enter 打开接车单；找不到请按 Ctrl-N 建新客户",
                                     en: "Type to search; ↑↓ pick the car, Enter opens check-in; not found? Ctrl-N for a new customer")
    public static let noMatchNewCustomer = Message(zh: "没有匹配的车辆；按 Ctrl-N 登记新客户和车辆",
                                                   en: "No matching car; press Ctrl-N to register a new customer and car")
    public static let formTitle = Message(zh: "接车登记", en: "Check-in")
    public static let newCustomerTitle = Message(zh: "新客户接车", en: "New customer check-in")
    public static let formOpened = Message(zh: "已记录到店时间；Tab/Enter 下一项，Ctrl-S 保存",
                                           en: "Arrival logged; Tab/Enter next field, Ctrl-S saves")
    public static let saving = Message(zh: "正在保存…", en: "Saving…")
    public static let saveFailed = Message(zh: "保存失败", en: "Could not save")
    public static let escAgainDiscards = Message(zh: "接车单未保存；再按一次 Esc 放弃，或 Ctrl-S 保存",
                                                 en: "The check-in is not saved; Esc again discards it, Ctrl-S saves it")
    public static let formDiscarded = Message(zh: "已放弃接车单", en: "Check-in discarded")
    public static let duplicateFound = Message(zh: "已有相同电话/车牌/VIN 的档案；按 Ctrl-O 使用现有档案",
                                               en: "A record with this phone/plate/VIN exists; Ctrl-O uses it")
    public static let duplicateTitle = Message(zh: "已有档案", en: "Existing record")
    public static let lastSavedTitle = Message(zh: "刚保存的委托书", en: "Work order just saved")
    public static let finishOpenCheckIn = Message(zh: "接待面板有未保存的接车单；请先保存或放弃（F3）",
                                                  en: "An unsaved check-in is open on Reception (F3); save or discard it first")

    public static func saved(_ s: SavedCheckIn) -> Message {
        let whereZh = s.workOrderPath.map { "，委托书已写入 \($0)" } ?? ""
        let whereEn = s.workOrderPath.map { "; work order written to \($0)" } ?? ""
        return Message(zh: "工单 \(s.number) 已保存，用时 \(s.checkInSeconds) 秒\(whereZh)",
                       en: "\(s.number) saved in \(s.checkInSeconds) s\(whereEn)")
    }

    public static func workOrderNotWritten(_ number: String, _ detail: Message) -> Message {
        Message(zh: "工单 \(number) 已保存，但委托书未能写入文件：\(detail.zh)",
                en: "\(number) saved, but the work order file could not be written: \(detail.en)")
    }

    public static func digitsOnly(_ field: CheckInField) -> Message {
        let name = label(field)
        return Message(zh: "\(name.zh)只能填数字", en: "\(name.en): digits only")
    }

    public static func phoneDigitsOnly(_ field: CheckInField) -> Message {
        let name = label(field)
        return Message(zh: "\(name.zh)只能填数字（可带 +86、空格或 -）；此键未输入",
                       en: "\(name.en): digits only (+86, spaces or - allowed); that key was not typed")
    }

    public static let keyEditSuggestion = Message(
        zh: "保留并修改高亮的预填值", en: "Edit the highlighted value")

    public static func belowLastReading(_ lastKm: Int) -> Message {
        Message(zh: "里程低于上次记录的 \(lastKm) km：请在“里程原因”填写原因（如更换里程表），或改正里程",
                en: "Below the last reading of \(lastKm) km: give the reason in “Km reason” (e.g. odometer replaced), or correct the km")
    }

    public static let odometerReasonPlaceholder = Message(zh: "如：更换仪表 / 上次录错", en: "e.g. cluster replaced / last km mistyped")

    public static func label(_ f: CheckInField) -> Message {
        switch f {
        case .name: Message(zh: "姓名", en: "Name")
        case .phone: Message(zh: "手机", en: "Phone")
        case .plate: Message(zh: "车牌", en: "Plate")
        case .vin: Message(zh: "VIN", en: "VIN")
        case .model: Message(zh: "车型", en: "Model")
        case .mileage: Message(zh: "进厂里程", en: "Mileage")
        case .odometerReason: Message(zh: "里程原因", en: "Km reason")
        case .concern: Message(zh: "客户描述", en: "Concern")
        case .labour: Message(zh: "工时费(元)", en: "Labour ¥")
        case .parts: Message(zh: "材料费(元)", en: "Parts ¥")
        case .hours: Message(zh: "预计工时", en: "Labour h")
        case .promised: Message(zh: "承诺交车", en: "Promised")
        case .category: Message(zh: "故障类别", en: "Category")
        case .serviceType: Message(zh: "服务类型", en: "Service")
        case .waiter: Message(zh: "等候方式", en: "Waiting")
        case .fuel: Message(zh: "油量", en: "Fuel")
        case .walkAround: Message(zh: "环车检查", en: "Walk-around")
        case .valuables: Message(zh: "贵重物品", en: "Valuables")
        case .contactPhone: Message(zh: "联系电话", en: "Contact")
        case .callbackTime: Message(zh: "回访时间", en: "Call at")
        case .advisor: Message(zh: "服务顾问", en: "Advisor")
        }
    }

    public static let waiter = Message(zh: "在店等候", en: "Waiter")
    public static let dropOff = Message(zh: "留车", en: "Drop-off")
    public static let reminded = Message(zh: "已提醒", en: "Reminded")
    public static let notReminded = Message(zh: "未提醒", en: "Not yet")
    public static let lastKm = Message(zh: "上次里程", en: "Last km")
    public static let possibleComeback = Message(zh: "可能返修", en: "Possible comeback")
    /// The check-in summary's warning line: the car was delivered `daysAgo` days ago on `deliveredOn`.
    public static func possibleComeback(_ number: String, daysAgo days: Int, deliveredOn day: String) -> Message {
        Message(zh: "⚠ \(possibleComeback.zh)：\(number) \(days) 天前交车（\(day)）",
                en: "⚠ \(possibleComeback.en): \(number) delivered \(days) \(days == 1 ? "day" : "days") ago (\(day))")
    }
    public static let comebackDetail = Message(zh: "天内交车的工单", en: "days ago delivered")
    public static let openComplaints = Message(zh: "未结投诉", en: "Open complaints")
    public static let lastVisits = Message(zh: "最近到店", en: "Last visits")
    public static let noVisits = Message(zh: "首次到店", en: "First visit")
    public static let newCar = Message(zh: "新车辆（请填写车牌、车型）", en: "New car (enter plate and model)")
    public static let walkAroundPlaceholder = Message(zh: "原有划痕、凹陷等", en: "existing scratches, dents…")
    public static let estimateTotal = Message(zh: "预估合计", en: "Estimate")
    public static let elapsed = Message(zh: "到店", en: "Arrived")

    // Appointments panel
    public static let dayTitle = Message(zh: "预约", en: "Appointments")
    public static let confirmationsTitle = Message(zh: "明日待确认", en: "Tomorrow: confirmation calls")
    public static let noShowRate = Message(zh: "近30天爽约率", en: "No-show rate (30 days)")
    public static let regular = Message(zh: "常规", en: "Regular")
    public static let express = Message(zh: "快保", en: "Express")
    public static let regularShort = Message(zh: "常规", en: "Std")
    public static let expressShort = Message(zh: "快保", en: "Exp")
    public static let waiterShort = Message(zh: "等", en: "W")
    public static let noConfirmations = Message(zh: "没有待确认的预约", en: "No appointments to confirm")
    public static let bookingTitle = Message(zh: "新预约", en: "New appointment")
    public static let bookingOpened = Message(zh: "输入车牌或电话查找客户，Enter 选车，Ctrl-N 新客户，Ctrl-S 保存",
                                              en: "Type a plate or phone, Enter picks the car, Ctrl-N new customer, Ctrl-S saves")
    public static let bookingNewCustomer = Message(zh: "新客户：填写姓名、电话、车牌、车型（VIN 可空），Ctrl-S 建档并预约",
                                                   en: "New customer: name, phone, plate, model (VIN optional); Ctrl-S saves and books")
    public static let bookingUseExisting = Message(zh: "已切换到现有档案：用 Enter 选择车辆",
                                                   en: "Switched to the existing record: pick the car with Enter")
    public static let bookedNewCustomer = Message(zh: "已建档并预约", en: "Customer registered and appointment booked")
    public static let escAgainDiscardsBooking = Message(zh: "预约未保存；再按一次 Esc 放弃，或 Ctrl-S 保存",
                                                        en: "The appointment is not saved; Esc again discards it, Ctrl-S saves it")
    public static let chooseACar = Message(zh: "请先在查找结果中用 Enter 选择一辆车",
                                           en: "Pick a car from the search results with Enter first")
    public static let chooseNewSlot = Message(zh: "改约：选择新时段后按 Enter（Esc 取消）",
                                              en: "Reschedule: pick the new slot and press Enter (Esc cancels)")
    public static let concernTooLong = Message(zh: "预约描述最多 500 字，且不能含控制字符",
                                               en: "Concerns: at most 500 characters, no control characters")
    public static let booked = Message(zh: "预约已保存", en: "Appointment saved")
    public static let overrideLabel = Message(zh: "加约原因", en: "Override reason")
    public static let searchLabel = Message(zh: "客户/车辆", en: "Customer/car")
    public static let laneLabel = Message(zh: "通道", en: "Lane")
    public static let concernsLabel = Message(zh: "预约描述", en: "Concerns")
    public static let slotLabel = Message(zh: "时段", en: "Slot")

    public static func statusChanged(_ status: AppointmentStatus) -> Message {
        let l = AppointmentRules.label(status)
        return Message(zh: "预约已标记为“\(l.zh)”", en: "Appointment marked \(l.en.lowercased())")
    }

    public static func noShowUndone(_ status: AppointmentStatus) -> Message {
        let l = AppointmentRules.label(status)
        return Message(zh: "已撤销爽约，预约恢复为“\(l.zh)”", en: "No-show undone; the appointment is \(l.en.lowercased()) again")
    }
    public static let noShowTitle = Message(zh: "爽约", en: "No-show")
    public static let noShowHint = Message(zh: "y 是 · n 否（Esc 取消）", en: "y yes · n no (Esc cancels)")
    public static func askNoShow(_ who: String, time: String) -> Message {
        Message(zh: "将 \(who)（\(time)）标记为爽约？", en: "Mark \(who) (\(time)) as a no-show?")
    }
    public static func askUndoNoShow(_ who: String, time: String) -> Message {
        Message(zh: "撤销 \(who)（\(time)）的爽约？客户已到店请按 a 登记到店。",
                en: "Undo the no-show of \(who) (\(time))? If the customer is here, a marks the arrival.")
    }
    public static let noShowNotOpen = Message(zh: "只有待到店的预约可以标记爽约", en: "Only an appointment still expected can be a no-show")

    // Keys
    public static let keySave = Message(zh: "保存", en: "Save")
    public static let keySaveHelp = Message(zh: "保存接车单", en: "Save the check-in")
    public static let keyBookSave = Message(zh: "保存预约（Ctrl-S 或 F11）", en: "Save the appointment (Ctrl-S or F11)")
    public static let keyNextField = Message(zh: "下一项", en: "Next field")
    public static let keyChoose = Message(zh: "切换选项", en: "Change choice")
    public static let keyUseExisting = Message(zh: "使用现有档案", en: "Use existing record")
    public static let keyCheckIn = Message(zh: "接车", en: "Check in")
    public static let keyNewCustomer = Message(zh: "新客户", en: "New customer")
    public static let keyBook = Message(zh: "预约", en: "Book")
    public static let keyBookExpress = Message(zh: "预约快保通道", en: "Book the express lane")
    public static let keyArrive = Message(zh: "到店", en: "Arrived")
    public static let keyConfirm = Message(zh: "确认", en: "Confirm")
    public static let keyReschedule = Message(zh: "改约", en: "Reschedule")
    public static let keyCancel = Message(zh: "取消", en: "Cancel")
    public static let keyNoShow = Message(zh: "爽约", en: "No-show")
    public static let keyTomorrow = Message(zh: "明日确认", en: "Tomorrow")
    public static let keyDay = Message(zh: "换日", en: "Day")
}
