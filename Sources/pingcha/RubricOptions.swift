import ArgumentParser
import PingchaModel
import PingchaRubric
import PingchaCalendar

/// `--rubrics`, `--calendar`, shared by the commands that score.
struct RubricOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("评查标准文件或文件夹（文件夹内的 *.yaml，不含子文件夹和 fields.yaml）。", valueName: "PATH"))
    var rubrics: [String] = ["rubrics"]

    @Option(name: .long, help: ArgumentHelp("工作日日历文件。默认：内置的 data/calendar/calendar.yaml（2020–2026 年国务院节假日安排）。", valueName: "FILE"))
    var calendar: String?

    func loadCalendar() throws(PingchaError) -> WorkingDayCalendar {
        try WorkingDayCalendar.load(optionalPath: calendar)
    }
}

/// Loads and checks rubrics; every error is printed, then the command fails.
func loadRubrics(_ paths: [String], catalogue: FieldCatalogue, calendar: WorkingDayCalendar) throws(PingchaError) -> RubricSet {
    try RubricLoader(catalogue: catalogue, calendar: calendar).loadChecked(paths: paths)
}

/// The one warning a run prints when dates fell outside the calendar.
func reportCalendarFallback(_ calendar: WorkingDayCalendar) {
    if let notice = calendar.fallbackNotice { printError(notice) }
}
