package main

import (
	"encoding/json"
	"log"
	"net/http"
)

type lifecyclePayload struct {
	Key          string `json:"key"`
	ClientKey    string `json:"clientKey"`
	SharedSecret string `json:"sharedSecret"`
	BaseURL      string `json:"baseUrl"`
	DisplayURL   string `json:"displayUrl"`
	ProductType  string `json:"productType"`
	EventType    string `json:"eventType"`
}

func (a *App) handleInstalled(w http.ResponseWriter, r *http.Request) {
	var p lifecyclePayload
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		http.Error(w, "bad installed payload", http.StatusBadRequest)
		return
	}
	if p.ClientKey == "" || p.SharedSecret == "" || p.BaseURL == "" {
		http.Error(w, "incomplete installed payload", http.StatusBadRequest)
		return
	}
	a.Tenants.Put(Tenant{
		ClientKey:    p.ClientKey,
		SharedSecret: p.SharedSecret,
		BaseURL:      p.BaseURL,
		DisplayURL:   p.DisplayURL,
		ProductType:  p.ProductType,
	})
	log.Printf("installed for %s (%s)", p.BaseURL, p.ClientKey)
	w.WriteHeader(http.StatusNoContent)
}

func (a *App) handleUninstalled(w http.ResponseWriter, r *http.Request) {
	var p lifecyclePayload
	if err := json.NewDecoder(r.Body).Decode(&p); err != nil {
		http.Error(w, "bad uninstalled payload", http.StatusBadRequest)
		return
	}
	a.Tenants.Delete(p.ClientKey)
	log.Printf("uninstalled for %s", p.ClientKey)
	w.WriteHeader(http.StatusNoContent)
}
