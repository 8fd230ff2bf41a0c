import ConsoleCore
import ScreenKit
import ServiceDomain

/// The follow-up panel's picker, prompt and survey dialogs.
enum FollowUpDialogs {
    static func renderPicker(_ picker: FollowUpPicker, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        let labels = picker.options.map { option in
            (option.shortcut.map { "\($0)  " } ?? "") + state.text(option.label)
        }
        PickerDialog(title: state.text(picker.title), labels: labels, selected: picker.selected,
                     hint: state.text(FollowUpStrings.pickerHint), style: border)
            .render(into: &buffer, area: area)
    }

    static func renderPrompt(_ prompt: FollowUpPrompt, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        PromptDialog(title: state.text(prompt.title), input: prompt.input, hint: state.text(prompt.hint), style: border)
            .render(into: &buffer, area: area)
    }

    /// One question at a time, with the answers so far above it.
    static func renderSurvey(_ survey: SurveyForm, _ state: AppState, into buffer: inout ScreenBuffer, area: Rect,
                             border: BorderStyle) {
        let width = min(area.width - 4, 72)
        let height = min(area.height, survey.index + 5)
        let frame = area.centered(width: width, height: height)
        buffer.fill(frame, role: .dialog)
        let title = "\(state.text(FollowUpStrings.surveyTitle)) · \(survey.customerName)"
        let inner = Box(title: title, rightTitle: "\(survey.index + 1)/\(survey.questions.count)", focused: true, style: border,
                        borderRole: .dialog).render(into: &buffer, area: frame)
        var y = inner.y
        let answered = survey.questions.prefix(survey.index).suffix(max(0, inner.height - 4))
        for q in answered {
            let answer = survey.answers[q.key] ?? ""
            let shown = answer == "yes" ? state.text(FollowUpStrings.answerYes)
                : answer == "no" ? state.text(FollowUpStrings.answerNo) : answer
            buffer.write("\(state.text(q.text)) \(shown)", in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1), role: .muted)
            y += 1
        }
        let q = survey.question
        buffer.write(state.text(q.text), in: Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1), role: .dialog)
        TextInput(placeholder: "", focused: true)
            .render(into: &buffer, area: Rect(x: inner.x + 1, y: y + 1, width: inner.width - 2, height: 1), state: survey.input)
        let hint = switch q.kind {
        case .yesNo: FollowUpStrings.surveyHintYesNo
        case .score: FollowUpStrings.surveyHintScore
        case .text: FollowUpStrings.surveyHintText
        }
        buffer.write(state.text(hint), in: Rect(x: inner.x + 1, y: min(inner.maxY - 1, y + 2), width: inner.width - 2, height: 1),
                     role: .muted)
    }
}
