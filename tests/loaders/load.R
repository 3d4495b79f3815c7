# Reads every table of a release with readr (CSV) and jsonlite (JSON Lines), typed from datapackage.json as
# README.md shows, and writes what R holds as JSON for tests/loaders/test_loaders.py to compare cell by cell:
# per column its R class and its values (doubles as 17 significant digits, which parse back to the same
# double; dates as ISO text; lists as arrays).
# Usage: Rscript --vanilla tests/loaders/load.R <release folder> <output folder>
suppressPackageStartupMessages({
  library(readr)
  library(jsonlite)
})

args <- commandArgs(trailingOnly = TRUE)
rel <- args[[1]]
out <- args[[2]]
dir.create(out, showWarnings = FALSE, recursive = TRUE)
pkg <- fromJSON(file.path(rel, "datapackage.json"), simplifyVector = FALSE)
csv_resources <- Filter(function(r) endsWith(r$name, "-csv"), pkg$resources)

fields <- function(table) Find(function(r) r$name == paste0(table, "-csv"), pkg$resources)$schema$fields
# A JSON array of strings as a character vector (fromJSON gives list() for [], so as.character).
parse_list <- function(s) as.character(fromJSON(s))

read_table_csv <- function(table) {
  fs <- fields(table)
  types <- vapply(fs, function(f) switch(f$type, integer = "i", number = "d", date = "D", "c"), "")
  df <- read_csv(file.path(rel, "csv", paste0(table, ".csv")), col_types = paste(types, collapse = ""), na = "", progress = FALSE)
  stopifnot(nrow(problems(df)) == 0)
  for (f in fs) if (f$type == "array") df[[f$name]] <- lapply(df[[f$name]], parse_list)
  df
}

# jsonlite guesses each column's type from its values (a whole-number double becomes integer, a column of nulls
# logical, an empty file a data frame without columns): the types from datapackage.json are set afterwards.
typed_column <- function(x, type, n) {
  if (is.null(x)) x <- rep(NA, n)
  switch(type,
    integer = as.integer(x),
    number = as.numeric(x),
    date = as.Date(as.character(x)),
    array = lapply(x, as.character),
    as.character(x)
  )
}

read_table_jsonl <- function(table) {
  fs <- fields(table)
  raw <- stream_in(file(file.path(rel, "jsonl", paste0(table, ".jsonl"))), verbose = FALSE)
  n <- nrow(raw)
  cols <- lapply(fs, function(f) typed_column(raw[[f$name]], f$type, n))
  names(cols) <- vapply(fs, function(f) f$name, "")
  df <- data.frame(row.names = seq_len(n))
  for (name in names(cols)) df[[name]] <- cols[[name]]
  df
}

dump <- function(df, file) {
  data <- lapply(df, function(col) {
    if (inherits(col, "Date")) return(ifelse(is.na(col), NA_character_, format(col, "%Y-%m-%d")))
    if (is.double(col)) return(ifelse(is.na(col), NA_character_, sprintf("%.17g", col)))
    if (is.list(col)) return(lapply(col, function(x) I(as.character(x))))  # I(): a one-element list stays a list
    col
  })
  classes <- vapply(df, function(col) class(col)[[1]], "")
  doc <- list(columns = I(names(df)), classes = I(unname(classes)), nrow = nrow(df), data = lapply(data, I))
  json <- toJSON(doc, na = "null", null = "null", auto_unbox = TRUE, digits = NA)
  con <- file(file, open = "w", encoding = "UTF-8")
  writeLines(json, con, useBytes = TRUE)
  close(con)
}

for (r in csv_resources) {
  table <- sub("-csv$", "", r$name)
  dump(read_table_csv(table), file.path(out, paste0("readr-", table, ".json")))
  dump(read_table_jsonl(table), file.path(out, paste0("jsonlite-", table, ".json")))
}
cat("R", R.version$major, R.version$minor, "readr", as.character(packageVersion("readr")), "jsonlite", as.character(packageVersion("jsonlite")), "\n")
