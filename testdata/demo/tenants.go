package main

import (
	"errors"
	"sync"
)

type Tenant struct {
	ClientKey    string `json:"clientKey"`
	SharedSecret string `json:"sharedSecret"`
	BaseURL      string `json:"baseUrl"`
	DisplayURL   string `json:"displayUrl"`
	ProductType  string `json:"productType"`
}

var errUnknownTenant = errors.New("unknown tenant")

type TenantStore struct {
	mu      sync.RWMutex
	tenants map[string]Tenant
}

func NewTenantStore() *TenantStore {
	return &TenantStore{tenants: make(map[string]Tenant)}
}

func (s *TenantStore) Put(t Tenant) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tenants[t.ClientKey] = t
}

func (s *TenantStore) Get(clientKey string) (Tenant, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t, ok := s.tenants[clientKey]
	if !ok {
		return Tenant{}, errUnknownTenant
	}
	return t, nil
}

func (s *TenantStore) Delete(clientKey string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tenants, clientKey)
}
