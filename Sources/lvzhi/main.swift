// The `lvzhi` command: see LvzhiCommand.swift for the command tree and Support/Runner.swift
// for how errors become exit codes (0 success, 1 failure, 2 usage error).
Runner.main()
