//! The build's exports beside its pages: the audit form, the catalogues, and the search
//! index after them.

use std::collections::HashMap;
use std::path::Path;

use crate::diagnostics::{Diagnostics, Pos};
use crate::pipeline::model::Handbook;
use crate::pipeline::render;

/// The audit as an XLSForm, the model as `catalog.json` and the standards as an OSCAL
/// catalogue, beside the pages; then `beside` (the build's search index), whose value is
/// returned.
///
/// The XLSForm (its survey sheet packed and deflated on one core, the longest of the
/// exports) streams into the sink on a thread of its own, while this thread writes the two
/// catalogues and then runs `beside`: on two cores the index no longer waits for the
/// workbook. Everything here is streamed, so what runs at once adds little to the memory
/// (the workbook's bytes were once held whole: 30 MB on 1,000 standards). `beside` runs on
/// this thread, so the index's many allocations stay in the main heap.
pub(crate) fn write_exports<R>(
    root: &Path,
    hb: &Handbook,
    ui: &HashMap<String, String>,
    diags: &mut Diagnostics,
    sink: &dyn render::Sink,
    compact: bool,
    beside: impl FnOnce() -> R,
) -> R {
    let addr = &hb.addresses;
    let (form, catalog, oscal, value) = std::thread::scope(|scope| {
        let form = scope.spawn(|| {
            let mut failed = None;
            let written = sink.put_stream(&addr.audit_form, &mut |w| {
                if let Err(e) = render::xlsform::write_to(hb, ui, w) {
                    failed = Some(crate::diagnostics::workbook_problem(&e));
                }
                Ok(())
            });
            match failed {
                Some(problem) => Err(std::io::Error::other(problem)),
                None => written.map(|_| ()),
            }
        });
        // Above the theme's page size, compact: a third smaller than indented.
        let catalog = sink.put_stream("catalog.json", &mut |w| {
            if compact {
                serde_json::to_writer(w, hb)
            } else {
                serde_json::to_writer_pretty(w, hb)
            }
            .map_err(std::io::Error::other)
        });
        let modified = render::oscal::last_modified(root, hb);
        let oscal = sink.put_stream(&addr.oscal_catalog, &mut |w| {
            render::oscal::write_catalog(hb, ui, &modified, w, compact)
        });
        let value = beside();
        let form = form.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        (form, catalog, oscal, value)
    });
    if let Err(e) = form {
        diags.error(
            Pos::file(&addr.audit_form),
            format!("cannot write the audit form: {e}"),
        );
    }
    if let Err(e) = catalog {
        diags.error(
            Pos::file("catalog.json"),
            format!("cannot write the catalogue: {e}"),
        );
    }
    if let Err(e) = oscal {
        diags.error(
            Pos::file(&addr.oscal_catalog),
            format!("cannot write the OSCAL catalogue: {e}"),
        );
    }
    value
}
