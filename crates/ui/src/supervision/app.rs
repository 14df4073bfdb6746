//! The component: where the records come from, the as-of date, the run, and
//! the state of the views (sort, filters, page, the branch opened, what to print).

use super::rows::{self, Column, Filters, Sort};
use super::text::Lang;
use super::{charts, detail, heatmap, overdue, sheets, table};
use dangjian_standards::supervision::SupervisionReport;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

/// Rows of the table (and of the heat map) on one page.
pub const PAGE: usize = 50;

/// What the host gives.
#[derive(Properties, Clone, PartialEq)]
pub struct Props {
    /// `run(request) → Promise<{ text, ms? }>`: reads the records
    /// (`request.files` when the person picked some, else the host's) and
    /// supervises them as of `request.as_of` in `request.locale`.
    pub runner: js_sys::Function,
    /// The element the component lives in (events are sent from it).
    pub host: Element,
    /// Chinese or English.
    pub lang: Lang,
    /// The as-of date to start with.
    pub as_of: String,
    /// Run at once (the host has records).
    pub run_now: bool,
}

/// A report the component has read.
pub struct Loaded {
    /// The report.
    pub report: SupervisionReport,
    /// Its JSON text, for the JSON export.
    pub text: String,
    /// The rank of each ranked branch.
    pub ranks: HashMap<String, u32>,
    /// Records read.
    pub records: u64,
}

/// What is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    /// The 月度调度表 of the chosen month.
    Monthly,
    /// The 季度检查表 of the chosen quarter.
    Quarterly,
}

/// What happens.
pub enum Msg {
    /// Run again (the host's records, or the files picked last).
    Run,
    /// The person picked files (or a folder).
    Files(JsValue),
    /// The run's result.
    Done(Result<Rc<Loaded>, String>),
    /// A new as-of date.
    AsOf(String),
    /// Another language.
    Lang(Lang),
    /// Sort by a column (again: the other direction).
    Sort(Column),
    /// New filters.
    Filter(Filters),
    /// Another page of the table.
    Page(usize),
    /// Open a branch (by index), or close it.
    Open(Option<usize>),
    /// Download the report as CSV or JSON.
    Export(bool),
    /// Choose the month or quarter of the printed sheets.
    Period(Sheet, usize),
    /// Print a sheet.
    Print(Sheet),
}

/// The component.
pub struct SupervisionApp {
    lang: Lang,
    as_of: String,
    running: bool,
    error: Option<String>,
    loaded: Option<Rc<Loaded>>,
    sort: Sort,
    filters: Filters,
    page: usize,
    open: Option<usize>,
    month: usize,
    quarter: usize,
    printing: Option<Sheet>,
    print_now: bool,
    focus_detail: bool,
    detail_ref: NodeRef,
    run_id: u32,
}

impl SupervisionApp {
    /// Asks the host to run, with `files` when the person picked some.
    fn start(&mut self, ctx: &Context<Self>, files: Option<JsValue>) {
        let request = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = js_sys::Reflect::set(&request, &k.into(), v);
        };
        set("as_of", &self.as_of.clone().into());
        // The records' own checks ("no date in the future") are judged as of
        // today, or the as-of date when that is later: as the command line does.
        let today = crate::draft::today_local();
        set("today", &today.max(self.as_of.clone()).into());
        set("locale", &self.lang.tag().into());
        if let Some(files) = &files {
            set("files", files);
        }
        self.running = true;
        self.error = None;
        self.run_id = self.run_id.wrapping_add(1);
        let promise = ctx.props().runner.call1(&JsValue::NULL, &request);
        let link = ctx.link().clone();
        wasm_bindgen_futures::spawn_local(async move {
            let result = match promise {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&p)).await,
                Err(e) => Err(e),
            };
            link.send_message(Msg::Done(result.map_err(message).and_then(read)));
        });
    }
}

/// The message of a thrown value.
fn message(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "the records could not be supervised".to_owned())
}

/// Reads the run's result: `{ text }`, the report as JSON.
fn read(result: JsValue) -> Result<Rc<Loaded>, String> {
    let text = js_sys::Reflect::get(&result, &"text".into())
        .ok()
        .and_then(|t| t.as_string())
        .ok_or("the run gave no report")?;
    let report: SupervisionReport = dangjian_core::json_text::read(&text)
        .map_err(|e| format!("the report cannot be read: {e}"))?;
    let records = report.counts.records as u64;
    let ranks = rows::ranks(&report);
    Ok(Rc::new(Loaded {
        report,
        text,
        ranks,
        records,
    }))
}

/// The month holding `as_of` among `months` (else the last), and the same for quarters.
fn current(keys: &[&str], as_of: &str) -> usize {
    keys.iter()
        .rposition(|k| as_of.starts_with(k) || (k.contains('Q') && quarter_of(as_of) == *k))
        .unwrap_or(keys.len().saturating_sub(1))
}

/// `2026-Q2` for `2026-05-31`.
fn quarter_of(date: &str) -> String {
    let month: u32 = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    format!("{}-Q{}", date.get(..4).unwrap_or(""), month.div_ceil(3))
}

impl Component for SupervisionApp {
    type Message = Msg;
    type Properties = Props;

    fn create(ctx: &Context<Self>) -> Self {
        let mut app = SupervisionApp {
            lang: ctx.props().lang,
            as_of: ctx.props().as_of.clone(),
            running: false,
            error: None,
            loaded: None,
            sort: Sort::default(),
            filters: Filters::default(),
            page: 0,
            open: None,
            month: 0,
            quarter: 0,
            printing: None,
            print_now: false,
            focus_detail: false,
            detail_ref: NodeRef::default(),
            run_id: 0,
        };
        if ctx.props().run_now {
            app.start(ctx, None);
        }
        app
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        match msg {
            Msg::Run => self.start(ctx, None),
            Msg::Files(files) => {
                self.open = None;
                self.page = 0;
                self.start(ctx, Some(files));
            }
            Msg::Done(result) => {
                self.running = false;
                match result {
                    Ok(loaded) => {
                        let months: Vec<&str> = loaded
                            .report
                            .months
                            .iter()
                            .map(|m| m.key.as_str())
                            .collect();
                        let quarters: Vec<&str> = loaded
                            .report
                            .quarters
                            .iter()
                            .map(|m| m.key.as_str())
                            .collect();
                        self.month = current(&months, &self.as_of);
                        self.quarter = current(&quarters, &self.as_of);
                        if self.open.is_some_and(|i| i >= loaded.report.branches.len()) {
                            self.open = None;
                        }
                        let detail = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(
                            &detail,
                            &"branches".into(),
                            &(loaded.report.branches.len() as f64).into(),
                        );
                        let _ = js_sys::Reflect::set(
                            &detail,
                            &"attention".into(),
                            &(loaded.report.attention.len() as f64).into(),
                        );
                        let _ = js_sys::Reflect::set(
                            &detail,
                            &"records".into(),
                            &(loaded.records as f64).into(),
                        );
                        self.loaded = Some(loaded);
                        let host = ctx.props().host.clone();
                        // After this render is on the page.
                        gloo::timers::callback::Timeout::new(0, move || {
                            crate::host::dispatch(&host, "dj-supervised", &detail.into());
                        })
                        .forget();
                    }
                    Err(e) => self.error = Some(e),
                }
            }
            Msg::AsOf(date) => {
                if dangjian_core::dates::parse_iso_date(&date).is_some() && date != self.as_of {
                    self.as_of = date;
                    self.start(ctx, None);
                }
            }
            Msg::Lang(lang) => {
                if lang != self.lang {
                    self.lang = lang;
                    self.start(ctx, None);
                }
            }
            Msg::Sort(column) => {
                self.sort = if self.sort.column == column {
                    Sort {
                        column,
                        ascending: !self.sort.ascending,
                    }
                } else {
                    Sort {
                        column,
                        ascending: matches!(column, Column::Name | Column::Rank),
                    }
                };
                self.page = 0;
            }
            Msg::Filter(filters) => {
                self.filters = filters;
                self.page = 0;
            }
            Msg::Page(page) => self.page = page,
            Msg::Open(index) => {
                self.open = index;
                self.focus_detail = index.is_some();
            }
            Msg::Export(csv) => {
                if let Some(l) = &self.loaded {
                    let name = format!("supervision-{}", l.report.head.as_of);
                    let _ = if csv {
                        crate::export::download(
                            &format!("{name}.csv"),
                            "text/csv;charset=utf-8",
                            &dangjian_standards::supervision::csv::to_csv(&l.report),
                        )
                    } else {
                        crate::export::download(
                            &format!("{name}.json"),
                            "application/json",
                            &l.text,
                        )
                    };
                }
                return false;
            }
            Msg::Period(Sheet::Monthly, i) => self.month = i,
            Msg::Period(Sheet::Quarterly, i) => self.quarter = i,
            Msg::Print(sheet) => {
                self.printing = Some(sheet);
                self.print_now = true;
            }
        }
        true
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Props) -> bool {
        if ctx.props().lang != old.lang {
            self.lang = ctx.props().lang;
        }
        true
    }

    fn rendered(&mut self, _ctx: &Context<Self>, _first: bool) {
        if std::mem::take(&mut self.focus_detail) {
            if let Some(el) = self.detail_ref.cast::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
        if std::mem::take(&mut self.print_now) {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let l = self.lang;
        let link = ctx.link();
        let on_as_of = link.callback(|e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Msg::AsOf(input.value())
        });
        let on_files = link.batch_callback(|e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let files = input.files()?;
            (files.length() > 0).then(|| Msg::Files(files.into()))
        });
        let status = if self.running {
            html! { <p class="status" role="status" aria-live="polite">{ l.t("正在读取并核查记录……", "Reading and checking the records…") }</p> }
        } else if let Some(e) = &self.error {
            html! { <p class="status error" role="alert">{ e.clone() }</p> }
        } else if let Some(d) = &self.loaded {
            let c = &d.report.counts;
            html! {
                <p class="status" role="status" aria-live="polite">
                    { format!("{} {} · {} {} · {} {} · {} {} · {} {}",
                        l.t("记录", "records"), c.records,
                        l.t("计入", "counted"), c.counted,
                        l.t("有错误", "with errors"), c.invalid,
                        l.t("支部", "branches"), c.branches,
                        l.t("需关注", "needing attention"), c.needing_attention) }
                </p>
            }
        } else {
            html! { <p class="status" role="status">{ l.t("请选择记录文件或文件夹（只在本机读取，不会上传）。", "Pick record files or a folder (read on this computer, never uploaded).") }</p> }
        };
        let printing = self.printing.map_or("", |s| {
            if s == Sheet::Monthly {
                "print-monthly"
            } else {
                "print-quarterly"
            }
        });
        html! {
            <div class={classes!("dj-supervision", printing)} lang={l.tag()} aria-busy={self.running.to_string()}>
                <header class="screen bar">
                    <h2>{ l.t("党建工作调度检查", "Branch supervision") }</h2>
                    <label class="field">{ l.t("截至", "As of") }
                        <input type="date" value={self.as_of.clone()} onchange={on_as_of} />
                    </label>
                    <label class="field file">{ l.t("选择记录文件", "Record files") }
                        <input type="file" multiple=true accept=".json,.ndjson,.jsonl,application/json" onchange={on_files.clone()} />
                    </label>
                    <label class="field file">{ l.t("选择文件夹", "A folder") }
                        <input type="file" multiple=true webkitdirectory=true onchange={on_files} />
                    </label>
                    <button type="button" onclick={link.callback(|_| Msg::Lang(Lang { zh: true }))} aria-pressed={l.zh.to_string()}>{"中文"}</button>
                    <button type="button" onclick={link.callback(|_| Msg::Lang(Lang { zh: false }))} aria-pressed={(!l.zh).to_string()}>{"English"}</button>
                </header>
                <div class="screen">{ status }</div>
                { self.loaded.as_ref().map_or_else(Html::default, |d| self.body(ctx, d)) }
            </div>
        }
    }
}

impl SupervisionApp {
    /// Everything drawn from a report.
    fn body(&self, ctx: &Context<Self>, d: &Rc<Loaded>) -> Html {
        let l = self.lang;
        let link = ctx.link();
        let r = &d.report;
        let shown = rows::rows(r, &d.ranks, &self.filters, self.sort);
        let pages = shown.len().div_ceil(PAGE).max(1);
        let page = self.page.min(pages - 1);
        let slice: Vec<usize> = shown.iter().skip(page * PAGE).take(PAGE).copied().collect();
        let pager = table::pager(l, page, pages, shown.len(), link.callback(Msg::Page));
        html! {
            <>
            <div class="screen">
                { table::toolbar(l, r, &self.filters, link.callback(Msg::Filter), link.callback(Msg::Export)) }
                { sheets::print_bar(l, r, self.month, self.quarter, link.callback(|(s, i)| Msg::Period(s, i)), link.callback(Msg::Print)) }
                <section class="charts" aria-label={l.t("分布", "Distributions")}>
                    { charts::scores(l, r) }
                    { charts::stars(l, r) }
                </section>
                <section aria-labelledby="dj-sv-table">
                    <h3 id="dj-sv-table">{ l.t("支部一览", "Branches") }</h3>
                    { table::table(l, d, &slice, self.sort, self.open, link.callback(Msg::Sort), link.callback(|i| Msg::Open(Some(i)))) }
                    { pager.clone() }
                </section>
                { self.open.and_then(|i| r.branches.get(i)).map_or_else(Html::default, |b| {
                    detail::detail(l, b, d.ranks.get(&b.key).copied(), self.detail_ref.clone(), link.callback(|_| Msg::Open(None)))
                }) }
                <section aria-labelledby="dj-sv-heat">
                    <h3 id="dj-sv-heat">{ l.t("会议落实热力图（按月）", "Meetings by month") }</h3>
                    { heatmap::heatmap(l, r, &slice, link.callback(|i| Msg::Open(Some(i)))) }
                    { pager }
                </section>
                { overdue::overdue(l, r, link.callback(|i| Msg::Open(Some(i)))) }
            </div>
            { match self.printing {
                Some(Sheet::Monthly) => sheets::monthly(l, r, self.month),
                Some(Sheet::Quarterly) => sheets::quarterly(l, r, self.quarter),
                None => Html::default(),
            } }
            </>
        }
    }
}
