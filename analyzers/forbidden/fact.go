package forbidden

import (
	"fmt"
	"slices"
	"strings"
)

// Handling is the fact forbidden exports for a function that examines a
// response's status, returns a response, or handles the response of a
// request it sends: what its callers must still do. Parameters are
// numbered as in SSA (receiver first).
type Handling struct {
	// Examines lists the parameters whose status the function examines:
	// a response, or a status code or text (parameters named like
	// "status" or "code").
	Examines []int
	// Tells403 lists the parameters whose status the function compares
	// with 403 (http.StatusForbidden).
	Tells403 []int

	// Response is 1 + the index of the result holding the response of a
	// request the function sends (an *http.Response or a type embedding
	// one), 0 when none is returned.
	Response int
	// Op names the Atlassian operation whose response is returned, when
	// the request is settled in the function (or in one it calls): calls
	// of the function are then checked as if they were the REST call.
	Op string
	// Examined tells that the function examined the status of the
	// response it returns or handles.
	Examined bool
	// StatusErr is 1 + the index of the error result through which a
	// non-2xx status is reported (go-jira's Client.Do), 0 none.
	StatusErr int
	// Unchecked tells that the function uses the response of a request it
	// sends, whose URL its caller gives, without examining the status.
	Unchecked bool
	// Told403 tells that the function compares that response's status
	// with 403.
	Told403 bool
}

// AFact marks Handling as an analysis fact.
func (*Handling) AFact() {}

func (h *Handling) empty() bool {
	return len(h.Examines) == 0 && h.Response == 0 && h.StatusErr == 0 && !h.Unchecked && !h.Examined
}

func (h *Handling) examines(param int) bool { return slices.Contains(h.Examines, param) }
func (h *Handling) tells403(param int) bool { return slices.Contains(h.Tells403, param) }

func (h *Handling) String() string {
	var parts []string
	if len(h.Examines) > 0 {
		parts = append(parts, fmt.Sprintf("examines %v", h.Examines))
	}
	if len(h.Tells403) > 0 {
		parts = append(parts, fmt.Sprintf("tells 403 apart in %v", h.Tells403))
	}
	if h.Response != 0 {
		of := ""
		if h.Op != "" {
			of = " of " + h.Op
		}
		parts = append(parts, fmt.Sprintf("returns response%s in result %d", of, h.Response-1))
	}
	if h.Unchecked {
		parts = append(parts, "uses response unchecked")
	}
	if h.Examined {
		parts = append(parts, "status examined")
	}
	if h.StatusErr != 0 {
		parts = append(parts, fmt.Sprintf("status error in result %d", h.StatusErr-1))
	}
	if h.Told403 {
		parts = append(parts, "tells 403 apart")
	}
	return strings.Join(parts, "; ")
}
